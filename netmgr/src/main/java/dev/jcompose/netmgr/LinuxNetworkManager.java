package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.dns.ContainerResolvers;
import dev.jcompose.netmgr.dns.DnsFrontend;
import dev.jcompose.netmgr.dns.DnsService;
import dev.jcompose.netmgr.dns.DnsView;
import dev.jcompose.netmgr.dns.HostResolvers;
import dev.jcompose.netmgr.firewall.Firewall;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.ipam.SubnetAllocator;
import dev.jcompose.netmgr.ipam.TakenRange;
import dev.jcompose.netmgr.link.LinkOps;
import dev.jcompose.netmgr.link.LinkPresence;
import dev.jcompose.netmgr.link.NetlinkLinkOps;
import dev.jcompose.netmgr.ports.PortOwners;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.GroupCommit;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.PoolRecord;
import dev.jcompose.netmgr.state.StateFile;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  static final String FORWARD4 = "net.ipv4.ip_forward";
  static final String FORWARD6 = "net.ipv6.conf.all.forwarding";

  private final LinkNames names;
  private final LinkOps links;
  private final Firewall firewall;
  private final StateFile store;
  private final DnsFrontend dns;
  private final PortPublisher ports;
  private final NetworkPlanner planner;
  private final NetState state;
  private final GroupCommit commits;

  /**
   * What attaches whose link is being made off the lock hold: network -> container -> addresses and
   * interface.
   */
  private final Map<String, Map<String, Pending>> pending = new HashMap<>();

  private final Recovery recovery;
  private boolean started;

  /** An attach in flight: the addresses and the interface name it holds. */
  private record Pending(List<IpAddress> addresses, String ifName) {}

  /** Collaborators, injectable for tests (fake links and firewall, a DNS port above 1024). */
  public record Parts(LinkOps links, Firewall firewall, DnsFrontend dns, PortProxies proxies) {}

  public LinuxNetworkManager(Path stateDir, Parts parts) {
    this.names = new LinkNames(stateDir);
    this.planner =
        new NetworkPlanner(
            new SubnetAllocator(
                SubnetAllocator.DEFAULT_POOLS,
                List.of(SubnetAllocator.uniqueLocal(names.uniqueLocalBits()))));
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
    restoreResolvers();
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
                + "' exists as a "
                + NetworkPlanner.describe(existing)
                + ", which differs from the requested configuration");
      }
      return info(existing);
    }
    NetworkRecord net = planner.plan(spec, names, networkRanges(), links.hostRanges());
    checkLinks(net);
    try {
      ensureLinks(net);
      state.networks().put(net.name(), net);
      enableForwardingIfNeeded(net);
      persistAndApply();
      if (net.hostAddress() != null) {
        Blocking.await(
            dns.listen(net.name(), net.hostAddress()), "DNS listener on " + net.hostAddress());
      }
    } catch (RuntimeException e) {
      state.networks().remove(net.name());
      deleteLinks(net);
      persistAndApply();
      throw e;
    }
    return info(net);
  }

  /**
   * What must (not) exist on the host before a network can be made, in dockerd's words where it has
   * them.
   */
  private void checkLinks(NetworkRecord net) {
    if (net.isBridge() && links.exists(net.bridge())) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "network '"
              + net.name()
              + "': interface "
              + net.bridge()
              + " already exists on this host; jcompose makes its own bridges and does not take"
              + " over one it did not create");
    }
    if (!net.isBridge() && !net.standInParent() && !links.exists(net.parent())) {
      throw new NetworkException(
          NetworkException.Kind.NOT_FOUND,
          "network '"
              + net.name()
              + "': -o parent interface was not found on the host: "
              + net.parent()
              + (net.parent().contains(".")
                  ? " (jcompose does not create VLAN sub-interfaces: create it first)"
                  : ""));
    }
    for (NetworkRecord other : state.networks().values()) {
      boolean sameParent =
          !other.isBridge() && !net.isBridge() && other.parent().equals(net.parent());
      if (sameParent
          && ("passthru".equals(other.options().vlanMode())
              || "passthru".equals(net.options().vlanMode()))) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "network '"
                + net.name()
                + "': macvlan network '"
                + other.name()
                + "' is already using parent interface "
                + net.parent()
                + (net.options().vlanMode().equals("passthru") ? "" : " in mode passthru"));
      }
    }
  }

  private void ensureLinks(NetworkRecord net) {
    if (net.isBridge()) {
      links.ensureBridge(Recovery.bridgeConfig(names, net));
    } else if (net.standInParent()) {
      links.ensureBridge(Recovery.standInConfig(names, net));
    }
  }

  private void deleteLinks(NetworkRecord net) {
    if (net.isBridge()) {
      links.deleteLink(net.bridge());
    } else if (net.standInParent()) {
      links.deleteLink(net.parent());
    }
  }

  @Override
  public synchronized void remove(String networkName) {
    Blocking.checkNotEventLoop();
    NetworkRecord net = network(networkName);
    List<EndpointRecord> attached = state.endpointsOf(networkName);
    Map<String, Pending> attaching = pending.getOrDefault(networkName, Map.of());
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
    deleteLinks(net);
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
    EndpointPlanner.Plan plan;
    synchronized (this) {
      NetworkRecord net = network(request.networkName());
      EndpointRecord existing =
          state.endpoint(request.containerId(), request.networkName()).orElse(null);
      if (existing != null) {
        return endpoint(existing, net);
      }
      Map<String, Pending> attaching = pending.computeIfAbsent(net.name(), k -> new HashMap<>());
      if (attaching.containsKey(request.containerId())) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "container "
                + request.containerId()
                + " is already being attached to network '"
                + net.name()
                + "'");
      }
      plan =
          EndpointPlanner.plan(
              net, request, addressesInUse(net), ifNamesOf(request.containerId()), names);
      attaching.put(request.containerId(), new Pending(plan.addresses(), plan.endpoint().ifName()));
    }
    EndpointRecord e = plan.endpoint();
    // Off the lock: the addresses are reserved in `pending`, the link's name is the container's
    // own,
    // and remove() refuses the network meanwhile. A crash here leaves a veth the state does not
    // know, which Recovery deletes (it carries our alias), or dies with the container's netns.
    try {
      if (plan.veth() != null) {
        links.attachVeth(plan.veth());
      } else {
        links.attachSublink(plan.sublink());
      }
    } catch (RuntimeException ex) {
      synchronized (this) {
        unreserve(e);
      }
      throw ex;
    }
    long version;
    NetworkRecord net;
    synchronized (this) {
      unreserve(e);
      state.putEndpoint(e);
      version = stage();
      net = state.networks().get(e.networkName());
    }
    commits.awaitDurable(version);
    return endpoint(e, net);
  }

  /** Addresses of the network's endpoints and of attaches in flight, to their owners. */
  private Map<IpAddress, String> addressesInUse(NetworkRecord net) {
    Map<IpAddress, String> inUse = new HashMap<>();
    for (EndpointRecord e : state.endpointsOf(net.name())) {
      inUse.put(IpAddress.parse(e.ipv4Address()), "container " + e.containerId());
      if (e.ipv6Address() != null) {
        inUse.put(IpAddress.parse(e.ipv6Address()), "container " + e.containerId());
      }
    }
    pending
        .getOrDefault(net.name(), Map.of())
        .forEach((c, p) -> p.addresses().forEach(a -> inUse.put(a, "container " + c)));
    return inUse;
  }

  /** Interface names the container has or is getting, on every network. */
  private Set<String> ifNamesOf(String containerId) {
    Set<String> out = new HashSet<>();
    state.endpoints().stream()
        .filter(e -> e.containerId().equals(containerId))
        .forEach(e -> out.add(e.ifName()));
    pending
        .values()
        .forEach(
            m -> {
              Pending p = m.get(containerId);
              if (p != null) {
                out.add(p.ifName());
              }
            });
    return out;
  }

  private void unreserve(EndpointRecord e) {
    Map<String, Pending> attaching = pending.get(e.networkName());
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
    if (e.hostIf() != null) {
      links.deleteLink(
          e.hostIf()); // a macvlan/ipvlan link stays in the namespace, unaddressed by us, and
      // dies with it
    }
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
      boolean hadResolver = state.resolvers().remove(containerId) != null;
      dns.stopServing(containerId);
      hostIfs =
          gone.stream().map(EndpointRecord::hostIf).filter(java.util.Objects::nonNull).toList();
      ports.release(containerId);
      boolean hadPorts = state.ports().remove(containerId) != null;
      version = gone.isEmpty() && !hadPorts && !hadResolver ? 0 : stage();
      if (hadPorts) {
        Rules.apply(firewall, state); // never leave a DNAT aimed at an address that may be reused
      }
    }
    commits.awaitDurable(version); // off the lock: the releases of one down share their writes
    // Outside the lock: other releases of the same down wait for the same kernel batch.
    LinkPresence.awaitGone(hostIfs, RELEASE_WAIT);
    hostIfs.forEach(links::deleteLink);
  }

  /**
   * The resolvers of running containers died with the previous engine: open new ones and point each
   * container's redirect at them. A container whose netns is gone is forgotten.
   */
  private void restoreResolvers() {
    state
        .resolvers()
        .entrySet()
        .removeIf(
            e -> {
              Path netns = Path.of(e.getValue());
              if (!Files.exists(netns)) {
                return true;
              }
              try {
                ContainerResolvers.Ports p = dns.serve(e.getKey(), netns);
                firewall.redirectDns(netns, p.udp(), p.tcp());
                return false;
              } catch (RuntimeException ex) {
                log(
                    "embedded DNS of container "
                        + e.getKey()
                        + " not restored: "
                        + ex.getMessage());
                return true;
              }
            });
  }

  @Override
  public String serveDns(String containerId, Path netnsPath) {
    Blocking.checkNotEventLoop();
    ContainerResolvers.Ports p = dns.serve(containerId, netnsPath);
    try {
      firewall.redirectDns(netnsPath, p.udp(), p.tcp());
    } catch (RuntimeException e) {
      dns.stopServing(containerId);
      throw e;
    }
    long version;
    synchronized (this) {
      state.resolvers().put(containerId, netnsPath.toString());
      version = stage();
    }
    commits.awaitDurable(version);
    return ContainerResolvers.ADDRESS;
  }

  @Override
  public synchronized void publish(String containerId, List<PortBinding> bindings) {
    Blocking.checkNotEventLoop();
    List<PortBinding> wanted = new ArrayList<>();
    for (PortBinding b : bindings) {
      NetworkRecord net = networkOf(containerId, b.containerIp());
      if (!net.isBridge()) {
        // dockerd publishes no ports for macvlan/ipvlan endpoints: the container is on the LAN
        // itself
        log(
            "port "
                + PortPublisher.describe(b)
                + " of container "
                + containerId
                + " is not published: network '"
                + net.name()
                + "' is "
                + net.driver());
        continue;
      }
      boolean defaultIp = b.hostIp() == null || b.hostIp().isEmpty();
      String hostIp =
          defaultIp && net.options().hostBindingIpv4() != null
              ? net.options().hostBindingIpv4()
              : b.hostIp();
      wanted.add(
          new PortBinding(
              hostIp,
              b.hostPort(),
              b.hostPortEnd(),
              b.containerIp(),
              b.containerPort(),
              b.protocol()));
    }
    if (wanted.isEmpty()) {
      return;
    }
    List<PortBinding> bound = ports.bind(state, containerId, wanted);
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
    NetworkRecord net = state.network(networkName).orElse(null);
    return state.endpointsOf(networkName).stream().map(e -> endpoint(e, net)).toList();
  }

  @Override
  public synchronized void close() {
    Blocking.await(dns.close(), "stopping DNS");
    ports.releaseAll();
  }

  private NetworkRecord networkOf(String containerId, String containerIp) {
    return state.endpoints().stream()
        .filter(e -> e.containerId().equals(containerId) && e.ipv4Address().equals(containerIp))
        .map(e -> state.networks().get(e.networkName()))
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

  /** The pools of the engine's networks, which a new network must not overlap. */
  private List<TakenRange> networkRanges() {
    List<TakenRange> taken = new ArrayList<>();
    state
        .networks()
        .values()
        .forEach(
            n ->
                n.pools()
                    .forEach(
                        p ->
                            taken.add(
                                new TakenRange(
                                    IpPrefix.parse(p.subnet()), "network '" + n.name() + "'"))));
    return taken;
  }

  private void enableForwardingIfNeeded(NetworkRecord net) {
    // Forwarding is a host-wide switch: flip it only for the first bridge network that routes out,
    // and remember that we did, so the rule set can drop all other forwarding (docker's FORWARD
    // DROP). macvlan and ipvlan links leave through their parent: the host routes nothing for them.
    if (!net.isBridge() || net.internal()) {
      return;
    }
    if (!"1".equals(links.getSysctl(FORWARD4))) {
      links.setSysctl(FORWARD4, "1");
      state.forwardingEnabled(true);
    }
    if (net.pool6().isPresent() && !"1".equals(links.getSysctl(FORWARD6))) {
      links.setSysctl(FORWARD6, "1");
      state.forwardingEnabled6(true);
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

  static List<NetworkInfo> recorded(Path stateDir) {
    return new StateFile(stateDir)
        .load().networks().values().stream().map(LinuxNetworkManager::info).toList();
  }

  private static NetworkInfo info(NetworkRecord n) {
    PoolRecord v6 = n.pool6().orElse(null);
    return new NetworkInfo(
        n.name(),
        n.driver(),
        n.bridge(),
        n.subnet(),
        n.gateway(),
        v6 == null ? null : v6.subnet(),
        v6 == null ? null : v6.gateway(),
        n.internal(),
        n.labels());
  }

  /**
   * The caller's view: the embedded DNS answers on the gateway the host holds, where there is one.
   */
  private static Endpoint endpoint(EndpointRecord e, NetworkRecord net) {
    EndpointRecord.V6 v6 = e.v6();
    return new Endpoint(
        e.containerId(),
        e.networkName(),
        e.ifName(),
        e.ipv4Address(),
        e.prefixLength(),
        e.gateway(),
        e.macAddress(),
        net == null ? null : net.hostAddress(),
        v6 == null ? null : v6.address(),
        v6 == null ? 0 : v6.prefixLength(),
        v6 == null ? null : v6.gateway());
  }

  static void log(String message) {
    LOG.log(System.Logger.Level.WARNING, message);
  }
}
