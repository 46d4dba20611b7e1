package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.ServiceNetworking;
import java.util.List;

/**
 * Contents of the container's /etc/hosts and /etc/hostname, as docker writes them (libnetwork
 * etchosts); /etc/resolv.conf is {@link ResolvConf}. Pure text builders.
 */
public final class EtcFiles {
  private static final String LOCALHOST =
      """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private EtcFiles() {}

  /**
   * /etc/hosts: localhost, the extra hosts, then the container's own name.
   *
   * @param extraHosts ip "host-gateway" becomes {@code hostGateway}
   * @param ownAddress the container's first address, null for none
   */
  public static String hosts(
      List<ServiceNetworking.ExtraHost> extraHosts,
      String hostGateway,
      String ownAddress,
      String hostname,
      String domainname) {
    StringBuilder sb = new StringBuilder(LOCALHOST);
    for (ServiceNetworking.ExtraHost entry : extraHosts) {
      String ip =
          ServiceNetworking.ExtraHost.HOST_GATEWAY.equals(entry.ip()) ? hostGateway : entry.ip();
      if (ip != null) {
        sb.append(ip).append('\t').append(entry.host()).append('\n');
      }
    }
    if (ownAddress != null && hostname != null) {
      String names =
          domainname == null || domainname.isEmpty()
              ? hostname
              : hostname + "." + domainname + " " + hostname;
      sb.append(ownAddress).append('\t').append(names).append('\n');
    }
    return sb.toString();
  }

  public static String hostname(String hostname) {
    return hostname + "\n";
  }
}
