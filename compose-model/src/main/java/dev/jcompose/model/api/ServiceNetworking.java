package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * How a service's containers are named and reached: their namespace, the project networks they
 * join, published and exposed ports, and what their /etc/hosts and /etc/resolv.conf say.
 *
 * @param networks network key to per-network settings, in the order written; empty with a bridged
 *     mode means the project's {@code default} network
 */
public record ServiceNetworking(
    NetworkMode mode,
    Map<String, Attachment> networks,
    String hostname,
    String domainname,
    String macAddress,
    List<Port> ports,
    List<Expose> expose,
    List<ExtraHost> extraHosts,
    List<String> dns,
    List<String> dnsSearch,
    List<String> dnsOpt,
    List<Link> links) {

  public ServiceNetworking {
    mode = mode == null ? NetworkMode.BRIDGE : mode;
    networks = Copies.map(networks);
    ports = Copies.list(ports);
    expose = Copies.list(expose);
    extraHosts = Copies.list(extraHosts);
    dns = Copies.list(dns);
    dnsSearch = Copies.list(dnsSearch);
    dnsOpt = Copies.list(dnsOpt);
    links = Copies.list(links);
  }

  public static final ServiceNetworking NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .mode(mode)
        .networks(networks)
        .hostname(hostname)
        .domainname(domainname)
        .macAddress(macAddress)
        .ports(ports)
        .expose(expose)
        .extraHosts(extraHosts)
        .dns(dns)
        .dnsSearch(dnsSearch)
        .dnsOpt(dnsOpt)
        .links(links);
  }

  /**
   * A published port in long form.
   *
   * @param published host port or range; null = an ephemeral port chosen by the engine
   * @param hostIp host address to bind, without IPv6 brackets; null = every address
   * @param mode ingress or host
   */
  public record Port(
      String name,
      int target,
      PortRange published,
      String hostIp,
      Protocol protocol,
      String mode,
      String appProtocol) {

    public Port {
      protocol = protocol == null ? Protocol.TCP : protocol;
      mode = mode == null ? "ingress" : mode;
    }

    /** A port of the container only ({@code expose}-like): published on an ephemeral host port. */
    public static Port of(int target, PortRange published) {
      return new Port(null, target, published, null, Protocol.TCP, "ingress", null);
    }

    /**
     * The short syntax {@code [[ip:](port|range):](port|range)[/proto]}, one entry per container
     * port.
     */
    public static List<Port> parse(String spec) {
      return PortSyntax.parse(spec);
    }

    /** True when the host address is an IPv6 literal. */
    public boolean ipv6() {
      return hostIp != null && hostIp.contains(":");
    }
  }

  /** An {@code expose} entry: container ports only, never published. */
  public record Expose(PortRange ports, Protocol protocol) {

    /** {@code 80}, {@code 8000-8010}, {@code 53/udp}. */
    public static Expose parse(String text) {
      int slash = text.indexOf('/');
      return new Expose(
          PortRange.parse(slash < 0 ? text : text.substring(0, slash), "port"),
          slash < 0 ? Protocol.TCP : Protocol.parse(text.substring(slash + 1)));
    }

    @Override
    public String toString() {
      return ports + "/" + protocol.id();
    }
  }

  /**
   * Per-network settings of a service; absent attributes are null/empty.
   *
   * @param interfaceName the interface's name in the container ({@code interface_name}), or null
   * @param linkLocalIps further addresses of the interface ({@code link_local_ips})
   */
  public record Attachment(
      List<String> aliases,
      String ipv4Address,
      String ipv6Address,
      String macAddress,
      Integer priority,
      Integer gwPriority,
      Map<String, String> driverOpts,
      String interfaceName,
      List<String> linkLocalIps) {

    public Attachment {
      aliases = Copies.list(aliases);
      linkLocalIps = Copies.list(linkLocalIps);
      driverOpts = Copies.map(driverOpts);
    }

    public int priorityOrZero() {
      return priority == null ? 0 : priority;
    }
  }

  /** An {@code extra_hosts} entry; {@code ip} may be docker's {@code host-gateway}. */
  public record ExtraHost(String host, String ip) {
    public static final String HOST_GATEWAY = "host-gateway";

    /** {@code name=ip} or {@code name:ip}; IPv6 brackets removed. */
    public static ExtraHost parse(String entry) {
      int eq = entry.indexOf('=');
      int sep = eq >= 0 ? eq : entry.indexOf(':');
      if (sep < 0) {
        throw new IllegalArgumentException("invalid additional host, missing IP: " + entry);
      }
      String ip = entry.substring(sep + 1).trim();
      if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
        ip = ip.substring(1, ip.length() - 1);
      }
      return new ExtraHost(entry.substring(0, sep).trim(), ip);
    }
  }

  /** A legacy {@code links} entry {@code service[:alias]}: a dependency and a DNS name. */
  public record Link(String service, String alias) {

    public static Link parse(String text) {
      int colon = text.indexOf(':');
      return colon < 0
          ? new Link(text, text)
          : new Link(text.substring(0, colon), text.substring(colon + 1));
    }
  }

  /**
   * Fills a {@link ServiceNetworking}; unset values are what the loader leaves for absent
   * attributes.
   */
  public static final class Builder {
    private NetworkMode mode;
    private Map<String, Attachment> networks;
    private String hostname;
    private String domainname;
    private String macAddress;
    private List<Port> ports;
    private List<Expose> expose;
    private List<ExtraHost> extraHosts;
    private List<String> dns;
    private List<String> dnsSearch;
    private List<String> dnsOpt;
    private List<Link> links;

    public Builder mode(NetworkMode v) {
      mode = v;
      return this;
    }

    public Builder networks(Map<String, Attachment> v) {
      networks = v;
      return this;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public Builder domainname(String v) {
      domainname = v;
      return this;
    }

    public Builder macAddress(String v) {
      macAddress = v;
      return this;
    }

    public Builder ports(List<Port> v) {
      ports = v;
      return this;
    }

    public Builder expose(List<Expose> v) {
      expose = v;
      return this;
    }

    public Builder extraHosts(List<ExtraHost> v) {
      extraHosts = v;
      return this;
    }

    public Builder dns(List<String> v) {
      dns = v;
      return this;
    }

    public Builder dnsSearch(List<String> v) {
      dnsSearch = v;
      return this;
    }

    public Builder dnsOpt(List<String> v) {
      dnsOpt = v;
      return this;
    }

    public Builder links(List<Link> v) {
      links = v;
      return this;
    }

    public ServiceNetworking build() {
      return new ServiceNetworking(
          mode,
          networks,
          hostname,
          domainname,
          macAddress,
          ports,
          expose,
          extraHosts,
          dns,
          dnsSearch,
          dnsOpt,
          links);
    }
  }
}
