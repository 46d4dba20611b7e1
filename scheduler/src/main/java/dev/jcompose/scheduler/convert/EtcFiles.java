package dev.jcompose.scheduler.convert;

import java.util.List;

/**
 * Contents of the container's /etc/hosts and /etc/hostname, as docker writes them (libnetwork
 * etchosts); /etc/resolv.conf is {@link ResolvConf}. Pure text builders.
 */
public final class EtcFiles {
  private static final String LOCALHOST =
      "127.0.0.1\tlocalhost\n"
          + "::1\tlocalhost ip6-localhost ip6-loopback\n"
          + "fe00::0\tip6-localnet\n"
          + "ff00::0\tip6-mcastprefix\n"
          + "ff02::1\tip6-allnodes\n"
          + "ff02::2\tip6-allrouters\n";

  private EtcFiles() {}

  /**
   * @param extraHosts "name:ip" or "name=ip"; ip "host-gateway" becomes {@code hostGateway}
   * @param ownAddress the container's first address, null for none
   */
  public static String hosts(List<String> extraHosts, String hostGateway, String ownAddress, String hostname, String domainname) {
    StringBuilder sb = new StringBuilder(LOCALHOST);
    for (String entry : extraHosts == null ? List.<String>of() : extraHosts) {
      String[] hostIp = splitExtraHost(entry);
      String ip = "host-gateway".equals(hostIp[1]) ? hostGateway : hostIp[1];
      if (ip != null) {
        sb.append(ip).append('\t').append(hostIp[0]).append('\n');
      }
    }
    if (ownAddress != null && hostname != null) {
      String names = domainname == null || domainname.isEmpty() ? hostname : hostname + "." + domainname + " " + hostname;
      sb.append(ownAddress).append('\t').append(names).append('\n');
    }
    return sb.toString();
  }

  public static String hostname(String hostname) {
    return hostname + "\n";
  }

  static String[] splitExtraHost(String entry) {
    int eq = entry.indexOf('=');
    int sep = eq >= 0 ? eq : entry.indexOf(':');
    if (sep < 0) {
      return new String[] {entry, null};
    }
    return new String[] {entry.substring(0, sep).trim(), entry.substring(sep + 1).trim()};
  }
}
