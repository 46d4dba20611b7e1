package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.dns.DnsFrontend;
import dev.jcompose.netmgr.dns.DnsService;
import dev.jcompose.netmgr.dns.DnsView;
import dev.jcompose.netmgr.dns.HostResolvers;
import dev.jcompose.netmgr.firewall.Firewall;
import dev.jcompose.netmgr.ipam.AddressAllocator;
import dev.jcompose.netmgr.ipam.Cidr;
import dev.jcompose.netmgr.ipam.Ipv4;
import dev.jcompose.netmgr.ipam.SubnetAllocator;
import dev.jcompose.netmgr.ipam.TakenRange;
import dev.jcompose.netmgr.link.LinkOps;
import dev.jcompose.netmgr.link.LinkPresence;
import dev.jcompose.netmgr.link.NetlinkLinkOps;
import dev.jcompose.netmgr.link.VethConfig;
import dev.jcompose.netmgr.ports.PortOwners;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.GroupCommit;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.StateFile;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link NetworkManager} for Linux: kernel work through {@link LinkOps} and {@link Firewall}, the
 * embedded DNS and localhost port proxies on Vert.x, state in {@code <stateDir>/networks.json}.
 *
 * <p>Threading: every public method is blocking (it talks rtnetlink, runs {@code nft} and waits for
 * socket binds); call it from a worker thread, never from an event loop. They hold the manager's
 * lock, except for the per-container hot path of {@code up} and {@code down}: {@link #attach}
 * creates its veth and {@link #release} waits for the kernel off the lock, and both wait for their
 * state write off it too (see {@link GroupCommit}), so 20 containers attach side by side instead of
 * one after the other. Invariant: after each method returns, the persisted state, the kernel links,
 * the rule set and the DNS view describe the same networks (a failed operation is rolled back
 * before it throws).
 */
public final class LinuxNetworkManager implements NetworkManager {
  private static final System.Logger LOG = System.getLogger(LinuxNetworkManager.class.getName());

  /**
   * How long a release waits for the kernel to take the veths with their namespace (~50 ms for 20).
   */
  private static final Duration RELEASE_WAIT = Duration.ofSeconds(1);

  static final int DNS_PORT = 53;

  private final LinkNames names;
  private final LinkOps links;
  private final Firewall firewall;
  private final StateFile store;
  private final DnsFrontend dns;
  private final PortPublisher ports;
  private final NetworkPlanner planner = new NetworkPlanner(new SubnetAllocator());
  private final NetState state;
  private final GroupCommit commits;

  /**
   * Addresses handed to attaches whose veth is being made off the lock: network -> container ->
   * address.
   */
  private final Map<String, Map<String, Integer>> pending = new HashMap<>();

  private final Recovery recovery;
  private boolean started;

  /** Collaborators, injectable for tests (fake links and firewall, a DNS port above 1024). */
  public record Parts(LinkOps links, Firewall firewall, DnsFrontend dns, PortProxies proxies) {}

  public LinuxNetworkManager(Path stateDir, Parts parts) {
    this.names = new LinkNames(stateDir);
    this.links = parts.links();
    this.firewall = parts.firewall();
    this.store = new StateFile(stateDir);
    this.dns = parts.dns();
    this.ports = new PortPublisher(parts.proxies(), new PortOwners(Path.of("/proc")));
    this.state = store.load();
    this.commits = new GroupCommit(store::write);
    this.recovery = new Recovery(names, links, dns, ports);
  }

  /**
   * The production wiring: rtnetlink, this engine's own nftables table {@code jcompose-<instance>},
   * DNS on port 53.
   */
  public static LinuxNetworkManager create(Path stateDir, Vertx vertx) {
    DnsService dns =
        new DnsService(vertx, DNS_PORT, new HostResolvers(Path.of("/etc/resolv.conf")));
    Firewall firewall = Firewall.detect(new LinkNames(stateDir).firewallTable());
    return new LinuxNetworkManager(
        stateDir, new Parts(new NetlinkLinkOps(), firewall, dns, new PortProxies(vertx)));
  }

  /** The ifalias prefix marking this instance's links (for diagnostics and tests). */
  public String linkAliasPrefix() {
    return names.aliasPrefix();
  }

  @Override
  public synchronized void start() {
    Blocking.checkNotEventLoop();
    if (started) {
      return;
    }
    recovery.run(state);
    persistAndApply();
    started = true;
  }

  @Override
  public synchronized NetworkInfo create(NetworkSpec spec) {
    Blocking.checkNotEventLoop();
    LinkNames.checkNetwork(spec.name());
    NetworkRecord existing = state.networks().get(spec.name());
    if (existing != null) {
      if (!NetworkPlanner.matches(existing, spec)) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "network '"
                + spec.name()
                + "' exists with subnet "
                + existing.subnet()
                + (existing.internal() ? ", internal" : "")
                + " which differs from the requested configuration");
      }
      return info(existing);
    }
    NetworkRecord net = planner.plan(spec, names.bridge(spec.name()), takenRanges());
    try {
      links.ensureBridge(Recovery.bridgeConfig(names, net));
      state.networks().put(net.name(), net);
      enableForwardingIfNeeded(net);
      persistAndApply();
      Blocking.await(dns.listen(net.name(), net.gateway()), "DNS listener on " + net.gateway());
    } catch (RuntimeException e) {
      state.networks().remove(net.name());
      links.deleteLink(net.bridge());
      persistAndApply();
      throw e;
    }
    return info(net);
  }

  @Override
  public synchronized void remove(String networkName) {
    Blocking.checkNotEventLoop();
    NetworkRecord net = network(networkName);
    List<EndpointRecord> attached = state.endpointsOf(networkName);
    Map<String, Integer> attaching = pending.getOrDefault(networkName, Map.of());
    if (attached.isEmpty() && !attaching.isEmpty()) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "network '"
              + networkName
              + "' is being attached to by container "
              + attaching.keySet().iterator().next());
    }
    if (!attached.isEmpty()) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "network '"
              + networkName
              + "' still has "
              + attached.size()
              + " endpoint(s), e.g. container "
              + attached.get(0).containerId());
    }
    Blocking.await(dns.unlisten(networkName), "stopping DNS of " + networkName);
    links.deleteLink(net.bridge());
    state.networks().remove(networkName);
    persistAndApply();
  }

  @Override
  public synchronized List<NetworkInfo> list() {
    return state.networks().values().stream().map(LinuxNetworkManager::info).toList();
  }

  @Override
  public Endpoint attach(AttachRequest request) {
    Blocking.checkNotEventLoop();
    VethConfig veth;
    EndpointRecord e;
    synchronized (this) {
      NetworkRecord net = network(request.networkName());
      EndpointRecord existing =
          state.endpoint(request.containerId(), request.networkName()).orElse(null);
      if (existing != null) {
        return endpoint(existing);
      }
      Map<String, Integer> attaching = pending.computeIfAbsent(net.name(), k -> new HashMap<>());
      if (attaching.containsKey(request.containerId())) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "container "
                + request.containerId()
                + " is already being attached to network '"
                + net.name()
                + "'");
      }
      Cidr subnet = Cidr.parse(net.subnet());
      int address = allocate(net, subnet, request.ipv4Address());
      attaching.put(request.containerId(), address);
      String mac =
          request.macAddress() == null || request.macAddress().isBlank()
              ? LinkNames.endpointMac(address)
              : request.macAddress();
      String hostIf = names.veth(request.containerId(), net.name());
      String route = request.defaultRoute() && !net.internal() ? net.gateway() : null;
      veth =
          new VethConfig(
              hostIf,
              net.bridge(),
              request.netnsPath(),
              request.ifName(),
              mac,
              net.mtu(),
              Ipv4.format(address) + "/" + subnet.prefix(),
              route,
              names.vethAlias(request.containerId(), net.name()));
      e =
          new EndpointRecord(
              request.containerId(),
              net.name(),
              hostIf,
              request.ifName(),
              Ipv4.format(address),
              subnet.prefix(),
              net.gateway(),
              mac,
              request.dnsNames(),
              request.dnsServers());
    }
    // Off the lock: the address is reserved in `pending`, the veth name is the container's own, and
    // remove() refuses the network meanwhile. A crash here leaves a veth the state does not know,
    // which Recovery deletes (it carries our alias), or dies with the container's netns.
    try {
      links.attachVeth(veth);
    } catch (RuntimeException ex) {
      synchronized (this) {
        unreserve(e);
      }
      throw ex;
    }
    long version;
    synchronized (this) {
      unreserve(e);
      state.putEndpoint(e);
      version = stage();
    }
    commits.awaitDurable(version);
    return endpoint(e);
  }

  private void unreserve(EndpointRecord e) {
    Map<String, Integer> attaching = pending.get(e.networkName());
    if (attaching != null) {
      attaching.remove(e.containerId());
      if (attaching.isEmpty()) {
        pending.remove(e.networkName());
      }
    }
  }

  @Override
  public synchronized void detach(String containerId, String networkName) {
    Blocking.checkNotEventLoop();
    EndpointRecord e = state.endpoint(containerId, networkName).orElse(null);
    if (e == null) {
      return;
    }
    links.deleteLink(e.hostIf());
    state.removeEndpoint(containerId, networkName);
    boolean lastEndpoint =
        state.endpoints().stream().noneMatch(x -> x.containerId().equals(containerId));
    if (lastEndpoint && state.ports().containsKey(containerId)) {
      // Its address may soon belong to another container: never leave a proxy or DNAT aimed at it.
      ports.release(containerId);
      state.ports().remove(containerId);
      persistAndApply();
    } else {
      persist();
    }
  }

  @Override
  public void release(String containerId) {
    Blocking.checkNotEventLoop();
    List<String> hostIfs;
    long version;
    synchronized (this) {
      List<EndpointRecord> gone =
          state.endpoints().stream().filter(e -> e.containerId().equals(containerId)).toList();
      gone.forEach(e -> state.removeEndpoint(containerId, e.networkName()));
      hostIfs = gone.stream().map(EndpointRecord::hostIf).toList();
      ports.release(containerId);
      boolean hadPorts = state.ports().remove(containerId) != null;
      version = gone.isEmpty() && !hadPorts ? 0 : stage();
      if (hadPorts) {
        Rules.apply(firewall, state); // never leave a DNAT aimed at an address that may be reused
      }
    }
    commits.awaitDurable(version); // off the lock: the releases of one down share their writes
    // Outside the lock: other releases of the same down wait for the same kernel batch.
    LinkPresence.awaitGone(hostIfs, RELEASE_WAIT);
    hostIfs.forEach(links::deleteLink);
  }

  @Override
  public synchronized void publish(String containerId, List<PortBinding> bindings) {
    Blocking.checkNotEventLoop();
    bindings.forEach(b -> bridgeOf(containerId, b.containerIp()));
    List<PortBinding> bound = ports.bind(state, containerId, bindings);
    List<PortBinding> all = new ArrayList<>(state.ports().getOrDefault(containerId, List.of()));
    all.addAll(bound);
    state.ports().put(containerId, List.copyOf(all));
    try {
      persistAndApply();
    } catch (RuntimeException e) {
      ports.release(containerId);
      state.ports().remove(containerId);
      persistAndApply();
      throw e;
    }
  }

  @Override
  public synchronized void unpublish(String containerId) {
    Blocking.checkNotEventLoop();
    ports.release(containerId);
    if (state.ports().remove(containerId) != null) {
      persistAndApply();
    }
  }

  @Override
  public synchronized List<PortBinding> published(String containerId) {
    return state.ports().getOrDefault(containerId, List.of());
  }

  @Override
  public synchronized List<Endpoint> endpoints(String networkName) {
    return state.endpointsOf(networkName).stream().map(LinuxNetworkManager::endpoint).toList();
  }

  @Override
  public synchronized void close() {
    Blocking.await(dns.close(), "stopping DNS");
    ports.releaseAll();
  }

  private int allocate(NetworkRecord net, Cidr subnet, String fixed) {
    Map<Integer, String> inUse = new HashMap<>();
    state
        .endpointsOf(net.name())
        .forEach(e -> inUse.put(Ipv4.parse(e.ipv4Address()), "container " + e.containerId()));
    pending.getOrDefault(net.name(), Map.of()).forEach((c, a) -> inUse.put(a, "container " + c));
    AddressAllocator allocator =
        new AddressAllocator(
            net.name(),
            subnet,
            net.ipRange() == null ? null : Cidr.parse(net.ipRange()),
            Ipv4.parse(net.gateway()));
    return fixed == null || fixed.isBlank()
        ? allocator.allocate(inUse)
        : allocator.reserve(fixed, inUse);
  }

  private String bridgeOf(String containerId, String containerIp) {
    return state.endpoints().stream()
        .filter(e -> e.containerId().equals(containerId) && e.ipv4Address().equals(containerIp))
        .map(e -> state.networks().get(e.networkName()).bridge())
        .findFirst()
        .orElseThrow(
            () ->
                new NetworkException(
                    NetworkException.Kind.INVALID,
                    "container "
                        + containerId
                        + " has no endpoint with address "
                        + containerIp
                        + " to publish ports to"));
  }

  private List<TakenRange> takenRanges() {
    // Own networks first so an overlap names the network rather than its bridge's route.
    List<TakenRange> taken = new ArrayList<>();
    state
        .networks()
        .values()
        .forEach(
            n -> taken.add(new TakenRange(Cidr.parse(n.subnet()), "network '" + n.name() + "'")));
    taken.addAll(links.hostRanges());
    return taken;
  }

  private void enableForwardingIfNeeded(NetworkRecord net) {
    // Forwarding is a host-wide switch: flip it only for the first network that routes out, and
    // remember that we did, so the rule set can drop all other forwarding (docker's FORWARD DROP).
    if (!net.internal() && !"1".equals(links.getSysctl("net.ipv4.ip_forward"))) {
      links.setSysctl("net.ipv4.ip_forward", "1");
      state.forwardingEnabled(true);
    }
  }

  private NetworkRecord network(String name) {
    NetworkRecord n = state.networks().get(name);
    if (n == null) {
      throw new NetworkException(
          NetworkException.Kind.NOT_FOUND, "network '" + name + "' not found");
    }
    return n;
  }

  /** Under the lock: saves the state (durably) and shows it to the DNS. */
  private void persist() {
    commits.awaitDurable(stage());
  }

  /**
   * Under the lock: snapshots the state for the next write and shows it to the DNS; the caller
   * waits for {@link GroupCommit#awaitDurable} (off the lock where it can) before it returns.
   */
  private long stage() {
    long version = commits.offer(store.encode(state));
    dns.update(DnsView.of(List.copyOf(state.networks().values()), state.endpoints()));
    return version;
  }

  private void persistAndApply() {
    persist();
    Rules.apply(firewall, state);
  }

  private static NetworkInfo info(NetworkRecord n) {
    return new NetworkInfo(n.name(), n.bridge(), n.subnet(), n.gateway(), n.internal(), n.labels());
  }

  private static Endpoint endpoint(EndpointRecord e) {
    return new Endpoint(
        e.containerId(),
        e.networkName(),
        e.ifName(),
        e.ipv4Address(),
        e.prefixLength(),
        e.gateway(),
        e.macAddress(),
        e.gateway());
  }

  static void log(String message) {
    LOG.log(System.Logger.Level.WARNING, message);
  }
}
