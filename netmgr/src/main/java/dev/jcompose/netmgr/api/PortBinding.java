package dev.jcompose.netmgr.api;

/**
 * A published port: host side (hostIp "" = all addresses, or the network's {@code
 * host_binding_ipv4}; hostPort 0 = random) to the container address and port. protocol is "tcp" or
 * "udp". A host range {@code hostPort..hostPortEnd} takes its first port that is free, as dockerd
 * does, so replicas published on one range each get their own port; what {@link
 * NetworkManager#published} returns has the port chosen in both.
 */
public record PortBinding(
    String hostIp,
    int hostPort,
    int hostPortEnd,
    String containerIp,
    int containerPort,
    String protocol) {

  public PortBinding {
    hostPortEnd = hostPortEnd < hostPort ? hostPort : hostPortEnd;
  }

  public PortBinding(
      String hostIp, int hostPort, String containerIp, int containerPort, String protocol) {
    this(hostIp, hostPort, hostPort, containerIp, containerPort, protocol);
  }

  /** Whether the host side is a range of more than one port. */
  public boolean ranged() {
    return hostPortEnd > hostPort;
  }

  /** The same binding on one host port. */
  public PortBinding on(String ip, int port) {
    return new PortBinding(ip, port, port, containerIp, containerPort, protocol);
  }
}
