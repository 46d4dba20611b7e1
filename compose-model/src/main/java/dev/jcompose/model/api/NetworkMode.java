package dev.jcompose.model.api;

/**
 * A service's {@code network_mode}: its own namespace on the project's networks (absent, {@code
 * bridge}, or docker's alias {@code default}), the host's, none, or the namespace of another
 * service's or container's first container. Any other value names a network the engine does not
 * support as a mode; it is kept so that the engine can say so.
 *
 * @param target the service or container name for SERVICE and CONTAINER, the raw value for CUSTOM
 */
public record NetworkMode(Kind kind, String target) {

  public enum Kind {
    BRIDGE,
    HOST,
    NONE,
    SERVICE,
    CONTAINER,
    CUSTOM
  }

  public static final NetworkMode BRIDGE = new NetworkMode(Kind.BRIDGE, null);

  public static NetworkMode parse(String text) {
    if (text == null || text.isEmpty() || text.equals("bridge") || text.equals("default")) {
      return BRIDGE;
    }
    if (text.equals("host") || text.equals("none")) {
      return new NetworkMode(text.equals("host") ? Kind.HOST : Kind.NONE, null);
    }
    if (text.startsWith("service:")) {
      return new NetworkMode(Kind.SERVICE, text.substring("service:".length()));
    }
    if (text.startsWith("container:")) {
      return new NetworkMode(Kind.CONTAINER, text.substring("container:".length()));
    }
    return new NetworkMode(Kind.CUSTOM, text);
  }

  /** The service whose namespace this mode joins, or null. */
  public String parentService() {
    return kind == Kind.SERVICE ? target : null;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case BRIDGE -> "bridge";
      case HOST -> "host";
      case NONE -> "none";
      case SERVICE -> "service:" + target;
      case CONTAINER -> "container:" + target;
      case CUSTOM -> target;
    };
  }
}
