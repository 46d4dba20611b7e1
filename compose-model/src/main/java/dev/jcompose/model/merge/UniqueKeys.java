package dev.jcompose.model.merge;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;

/**
 * The identity of a sequence entry for {@link Unicity}, per attribute (compose-go uncity.go
 * indexers).
 */
final class UniqueKeys {
  private UniqueKeys() {}

  /** {@code KEY=VALUE} entries are identified by KEY; others by their whole text. */
  static String keyValue(Node n) {
    String s = scalarText(n);
    int eq = s.indexOf('=');
    return eq < 0 ? s : s.substring(0, eq);
  }

  static String scalarText(Node n) {
    if (!(n instanceof ScalarNode)) {
      throw new IllegalArgumentException("unexpected type, a string was expected");
    }
    return Sequences.text(n);
  }

  /** Device mappings by container path ({@code host:container[:perms]}). */
  static String device(Node n) {
    if (n instanceof MapNode m) {
      return required(m, "target", "service device is missing a mount target");
    }
    String[] parts = scalarText(n).split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  /** Secrets and configs by target ({@code <default>/<source>} when no target). */
  static String mount(Node n, String defaultDir) {
    if (n instanceof MapNode m) {
      Node t = m.get("target");
      return t != null ? Sequences.text(t) : defaultDir + "/" + text(m.get("source"));
    }
    return defaultDir + "/" + scalarText(n);
  }

  static String envFile(Node n) {
    if (n instanceof MapNode m) {
      return required(m, "path", "environment path attribute is missing");
    }
    return scalarText(n);
  }

  /** Short ports by their raw text; long ports by host_ip:published:target/protocol. */
  static String port(Node n) {
    if (!(n instanceof MapNode m)) {
      return scalarText(n);
    }
    required(m, "target", "service ports is missing a target port");
    String host = m.get("host_ip") == null ? "0.0.0.0" : text(m.get("host_ip"));
    String protocol = m.get("protocol") == null ? "tcp" : text(m.get("protocol"));
    return host + ":" + text(m.get("published")) + ":" + text(m.get("target")) + "/" + protocol;
  }

  /** Volumes by container target path; short syntax parsed as {@code [source:]target[:mode]}. */
  static String volume(Node n) {
    if (n instanceof MapNode m) {
      return required(m, "target", "service volume is missing a mount target");
    }
    return VolumeSpec.target(scalarText(n));
  }

  private static String required(MapNode m, String key, String message) {
    Node v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException(message);
    }
    return Sequences.text(v);
  }

  private static String text(Node n) {
    return n == null ? "" : Sequences.text(n);
  }
}
