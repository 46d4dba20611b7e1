package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageCommit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The config of a {@code commit}ted image: the base image's config with the new layer's diffID
 * appended, its history repaired to match its layers ({@link LayerHistory}) plus an entry for the
 * new one, the author, and the {@code --change} instructions applied to its run config (the layer
 * and the image are stored by {@link ImageWriter}, like a build's).
 */
final class CommitConfig {
  private CommitConfig() {}

  static byte[] of(byte[] baseConfig, String diffId, ImageCommit c) {
    JsonNode base = Json.parse(baseConfig);
    Map<String, Object> config = object(base.toPlain());
    Instant now = Instant.now();
    config.put("created", now.toString());
    if (c.author() != null) {
      config.put("author", c.author());
    }
    List<Object> diffIds = list(object(config, "rootfs"), "diff_ids");
    // the base's history repaired first, so that the entry below pairs with the committed layer
    List<Object> history =
        new ArrayList<>(
            LayerHistory.normalize(
                base.path("history").elements(), diffIds.size(), LayerHistory.created(base, now)));
    config.put("history", history);
    diffIds.add(diffId);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("created", now.toString());
    entry.put("created_by", "jcompose commit");
    if (c.comment() != null) {
      entry.put("comment", c.comment());
    }
    history.add(entry);
    Map<String, Object> runConfig = object(config, "config");
    for (String change : c.changes()) {
      apply(runConfig, change);
    }
    return Json.bytes(config);
  }

  /** One Dockerfile instruction of {@code --change} on the config object. */
  static void apply(Map<String, Object> config, String change) {
    String trimmed = change.trim();
    int space = trimmed.indexOf(' ');
    String word = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    String arg = space < 0 ? "" : trimmed.substring(space + 1).trim();
    switch (word) {
      case "CMD" -> config.put("Cmd", command(arg));
      case "ENTRYPOINT" -> config.put("Entrypoint", command(arg));
      case "WORKDIR" -> config.put("WorkingDir", arg);
      case "USER" -> config.put("User", arg);
      case "STOPSIGNAL" -> config.put("StopSignal", arg);
      case "EXPOSE" ->
          object(config, "ExposedPorts")
              .put(arg.contains("/") ? arg : arg + "/tcp", new LinkedHashMap<String, Object>());
      case "VOLUME" -> object(config, "Volumes").put(arg, new LinkedHashMap<String, Object>());
      case "ENV" -> env(config, arg);
      case "LABEL" -> {
        String[] kv = arg.split("=", 2);
        object(config, "Labels").put(unquote(kv[0]), kv.length > 1 ? unquote(kv[1]) : "");
      }
      default ->
          throw new ContainerException(
              Kind.INVALID,
              "--change: unsupported instruction \""
                  + word
                  + "\" (CMD, ENTRYPOINT, ENV, "
                  + "LABEL, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL)");
    }
  }

  private static void env(Map<String, Object> config, String arg) {
    String[] kv = arg.contains("=") ? arg.split("=", 2) : arg.split("\\s+", 2);
    String key = kv[0];
    String entry = key + "=" + (kv.length > 1 ? unquote(kv[1]) : "");
    List<Object> env = list(config, "Env");
    for (int i = 0; i < env.size(); i++) {
      if (String.valueOf(env.get(i)).startsWith(key + "=")) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }

  /** JSON form as written, shell form as {@code /bin/sh -c ...} (Dockerfile reference). */
  private static Object command(String arg) {
    if (arg.startsWith("[")) {
      try {
        return Json.parse(arg).toPlain();
      } catch (JsonException e) {
        throw new ContainerException(Kind.INVALID, "--change: invalid JSON array " + arg);
      }
    }
    return List.of("/bin/sh", "-c", arg);
  }

  /** The object at {@code key}, made (or copied to a mutable one) and put back. */
  @SuppressWarnings("unchecked") // JSON objects are string-keyed maps
  private static Map<String, Object> object(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    Map<String, Object> m =
        v instanceof Map<?, ?> existing
            ? new LinkedHashMap<>((Map<String, Object>) existing)
            : new LinkedHashMap<>();
    parent.put(key, m);
    return m;
  }

  @SuppressWarnings("unchecked") // JSON objects are string-keyed maps
  private static Map<String, Object> object(Object plain) {
    if (!(plain instanceof Map<?, ?> m)) {
      throw new ContainerException(Kind.INVALID, "image config is not a JSON object");
    }
    return new LinkedHashMap<>((Map<String, Object>) m);
  }

  /** The array at {@code key}, made (or copied to a mutable one) and put back. */
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object v = parent.get(key);
    List<Object> l = v instanceof List<?> existing ? new ArrayList<>(existing) : new ArrayList<>();
    parent.put(key, l);
    return l;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
