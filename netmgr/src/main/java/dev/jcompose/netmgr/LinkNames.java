package dev.jcompose.netmgr;

import dev.jcompose.common.instance.InstanceHash;
import dev.jcompose.netmgr.api.NetworkException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Host-side names of one engine instance. Interfaces: bridges {@code jcb} + 10 hex, host veth ends
 * {@code jcv} + 10 hex, stand-in macvlan/ipvlan parents {@code jcp} + 10 hex (13 chars, under
 * IFNAMSIZ 15). Hashes include the instance (the state dir) so two engines with their own state
 * never collide on a network called "p_default". Every link carries an ifalias {@code
 * jcompose:<instance>:…} so a restarted engine finds its orphans and only its own; its firewall
 * rules live in a table of its own for the same reason.
 */
final class LinkNames {
  /** What a network name may be here: it marks links (ifalias) and firewall rules (comments). */
  private static final Pattern NETWORK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  private final String instance;

  LinkNames(Path stateDir) {
    this.instance = InstanceHash.of(stateDir);
  }

  /**
   * Refuses a network name outside docker's restricted characters (the caller's loader checks them
   * too).
   */
  static void checkNetwork(String name) {
    if (name == null || !NETWORK.matcher(name).matches()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "invalid network name '"
              + name
              + "': only [a-zA-Z0-9][a-zA-Z0-9_.-], at most 100 characters, are allowed");
    }
  }

  String bridge(String network) {
    return "jcb" + hash(instance + "\0" + network, 10);
  }

  /**
   * The link standing in for a macvlan/ipvlan parent when none is given (docker makes a dummy
   * link).
   */
  String standInParent(String network) {
    return "jcp" + hash(instance + "\0" + network, 10);
  }

  String veth(String containerId, String network) {
    return "jcv" + hash(instance + "\0" + containerId + "\0" + network, 10);
  }

  /**
   * The nft table of this engine ({@code jcompose-<instance>}; iptables chains {@code
   * JCOMPOSE-<INSTANCE>-…}): two engines with their own state on one host each replace only their
   * own rules, and the {@code jcompose} prefix keeps them recognisable (leakcheck, nft list).
   */
  String firewallTable() {
    return "jcompose-" + instance;
  }

  /** 40 bits of the engine's unique local IPv6 prefix, stable for its state dir. */
  String uniqueLocalBits() {
    return hash("ula\0" + instance, 10);
  }

  String standInAlias(String network) {
    return aliasPrefix() + "parent:" + network;
  }

  String aliasPrefix() {
    return "jcompose:" + instance + ":";
  }

  String bridgeAlias(String network) {
    return aliasPrefix() + "net:" + network;
  }

  String vethAlias(String containerId, String network) {
    return aliasPrefix() + "ep:" + containerId + ":" + network;
  }

  /** Locally administered unicast MAC derived from the bridge name (stable across restarts). */
  static String bridgeMac(String bridge) {
    String h = hash(bridge, 10);
    return "02:"
        + h.substring(0, 2)
        + ":"
        + h.substring(2, 4)
        + ":"
        + h.substring(4, 6)
        + ":"
        + h.substring(6, 8)
        + ":"
        + h.substring(8, 10);
  }

  /** docker's classic scheme: 02:42 followed by the IPv4 address, unique per subnet. */
  static String endpointMac(int address) {
    return String.format(
        "02:42:%02x:%02x:%02x:%02x",
        address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff);
  }

  static String hash(String text, int hexChars) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
