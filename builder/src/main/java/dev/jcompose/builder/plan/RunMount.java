package dev.jcompose.builder.plan;

/**
 * One {@code RUN --mount}, validated. {@code source} is a path in the mounted origin (bind: the
 * context or {@code from}; secret: the secret's id); {@code from} is a stage index, an image
 * reference or null for the main context. FILE is internal: a heredoc script with a shebang.
 */
public record RunMount(
    Type type,
    String target,
    String source,
    MountFrom from,
    boolean readOnly,
    String id,
    String sharing,
    Integer mode,
    Long uid,
    Long gid,
    Long sizeBytes,
    boolean required,
    String content) {

  public enum Type {
    BIND,
    CACHE,
    TMPFS,
    SECRET,
    FILE
  }

  /** The origin of a bind or cache mount's initial content. */
  public record MountFrom(Step.CopyFrom.Kind kind, String name, int stage, String imageId) {}

  /** Canonical text for cache keys and plan dumps. */
  String describe() {
    StringBuilder s =
        new StringBuilder(type.name().toLowerCase(java.util.Locale.ROOT))
            .append(" target=")
            .append(target);
    append(s, "source", source);
    if (from != null) {
      s.append(" from=")
          .append(
              from.kind() == Step.CopyFrom.Kind.STAGE
                  ? "stage:" + from.stage()
                  : from.kind() + ":" + from.name());
    }
    if (readOnly) {
      s.append(" ro");
    }
    append(s, "id", id);
    append(s, "sharing", sharing);
    append(s, "mode", mode == null ? null : Integer.toOctalString(mode));
    append(s, "uid", uid);
    append(s, "gid", gid);
    append(s, "size", sizeBytes);
    if (required) {
      s.append(" required");
    }
    return s.toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(' ').append(name).append('=').append(value);
    }
  }
}
