package dev.jcompose.netmgr.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Networks on this host: bridges, veth pairs, IPAM, NAT/isolation rules, published ports and the
 * embedded DNS. Knows nothing of compose or containers beyond a netns path. Thread-safe.
 *
 * <p>Lifecycle: {@link #start} once per engine (rebuilds firewall state idempotently, removes stale
 * links of networks that no longer exist, starts the DNS listeners); then networks are created,
 * endpoints attached/detached as containers come and go; {@link #close} stops the DNS listeners but
 * leaves networks in place (containers outlive the engine).
 */
public interface NetworkManager extends AutoCloseable {

  void start();

  /** Creates the network (idempotent for an identical spec); returns what was allocated. */
  NetworkInfo create(NetworkSpec spec);

  /** Removes the bridge, its rules and DNS records; fails with CONFLICT if endpoints remain. */
  void remove(String networkName);

  List<NetworkInfo> list();

  /** Moves a new veth end into {@code request.netnsPath()}, addresses it, routes, DNS records. */
  Endpoint attach(AttachRequest request);

  /** Removes the container's endpoint on that network and releases its address. */
  void detach(String containerId, String networkName);

  /**
   * Forgets a removed container: its published ports, its endpoints on every network and their
   * addresses. Call it after the container's network namespace is gone: the kernel then deletes the
   * veth pairs with the namespace, all of a {@code down} in one batch, where deleting them one by
   * one costs a grace period each; stragglers are deleted before this returns.
   */
  void release(String containerId);

  /**
   * Gives the container, in its own netns, the embedded DNS at 127.0.0.11 (its port 53 redirected
   * to the resolver's sockets there, as docker does); answers come from the container's networks,
   * anything else is forwarded to its endpoints' {@code dnsServers} or the host's resolvers.
   * Idempotent; {@link #release} ends it. Returns the address for the container's resolv.conf.
   */
  String serveDns(String containerId, Path netnsPath);

  /** Publishes ports for a container; fails before changing anything if a port is taken. */
  void publish(String containerId, List<PortBinding> ports);

  void unpublish(String containerId);

  /** Host ports actually bound for a container (resolves random ports). */
  List<PortBinding> published(String containerId);

  /**
   * The endpoints of every container on the network, by container id (for inspecting the network).
   */
  List<Endpoint> endpoints(String networkName);

  @Override
  void close();
}
