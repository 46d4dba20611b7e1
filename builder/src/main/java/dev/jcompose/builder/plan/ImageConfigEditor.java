package dev.jcompose.builder.plan;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits the {@code config} object of an OCI image config the way Dockerfile instructions do
 * (BuildKit {@code dockerfile2llb} dispatchers). Fields it does not know are kept, in their order.
 * The document being edited is plain maps and lists ({@link JsonNode#toPlain}); what leaves the
 * editor is a read-only tree.
 */
final class ImageConfigEditor {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private final Map<String, Object> image = new LinkedHashMap<>();
  private final Map<String, Object> config;

  /** Takes a copy of {@code baseImage} (a whole image config; null for scratch). */
  ImageConfigEditor(JsonNode baseImage, String platform) {
    String[] p = platform.split("/", -1);
    image.put(
        "architecture",
        baseImage != null && baseImage.hasNonNull("architecture")
            ? baseImage.get("architecture").asText()
            : p[1]);
    image.put(
        "os",
        baseImage != null && baseImage.hasNonNull("os") ? baseImage.get("os").asText() : p[0]);
    if (baseImage != null && baseImage.hasNonNull("variant")) {
      image.put("variant", baseImage.get("variant").asText());
    } else if (baseImage == null && p.length > 2) {
      image.put("variant", p[2]);
    }
    JsonNode baseConfig = baseImage == null ? null : baseImage.get("config");
    config =
        baseConfig != null && baseConfig.isObject()
            ? plainObject(baseConfig)
            : new LinkedHashMap<>();
    image.put("config", config);
    if (env().stream().noneMatch(e -> e.startsWith("PATH="))) {
      setEnv("PATH", DEFAULT_PATH); // BuildKit always sets PATH
    }
  }

  /** The image config as it is now (without rootfs/history/created). */
  JsonNode snapshot() {
    return Json.tree(image);
  }

  List<String> env() {
    return strings("Env");
  }

  /** Replaces {@code key}'s entry in place or appends it, as docker keeps Env ordered. */
  void setEnv(String key, String value) {
    List<String> env = new ArrayList<>(env());
    boolean replaced = false;
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).split("=", 2)[0].equals(key)) {
        env.set(i, key + "=" + value);
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      env.add(key + "=" + value);
    }
    config.put("Env", List.copyOf(env));
  }

  String workdir() {
    return text("WorkingDir", "/");
  }

  void setWorkdir(String dir) {
    config.put("WorkingDir", dir);
  }

  String user() {
    return text("User", "");
  }

  void setUser(String user) {
    config.put("User", user);
  }

  /** SHELL, or {@code /bin/sh -c} when unset. */
  List<String> shell() {
    List<String> shell = strings("Shell");
    return shell.isEmpty() ? List.of("/bin/sh", "-c") : shell;
  }

  void setShell(List<String> shell) {
    config.put("Shell", List.copyOf(shell));
  }

  /** null removes CMD (what BuildKit's nil slice becomes in JSON). */
  void setCmd(List<String> cmd) {
    if (cmd == null) {
      config.remove("Cmd");
      return;
    }
    config.put("Cmd", List.copyOf(cmd));
    config.put("ArgsEscaped", true); // what BuildKit writes for docker compatibility
  }

  void setEntrypoint(List<String> entrypoint) {
    config.put("Entrypoint", entrypoint == null ? null : List.copyOf(entrypoint));
    config.put("ArgsEscaped", true);
  }

  void addLabel(String key, String value) {
    object("Labels").put(key, value);
  }

  void addExposedPort(String port) {
    object("ExposedPorts").put(port, new LinkedHashMap<>());
  }

  void addVolume(String path) {
    object("Volumes").put(path, new LinkedHashMap<>());
  }

  void setStopSignal(String signal) {
    config.put("StopSignal", signal);
  }

  void setHealthcheck(
      List<String> test,
      long interval,
      long timeout,
      long startPeriod,
      long startInterval,
      int retries) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("Test", List.copyOf(test));
    putNonZero(h, "Interval", interval);
    putNonZero(h, "Timeout", timeout);
    putNonZero(h, "StartPeriod", startPeriod);
    putNonZero(h, "StartInterval", startInterval);
    putNonZero(h, "Retries", retries);
    config.put("Healthcheck", h);
  }

  List<String> onbuild() {
    return strings("OnBuild");
  }

  void addOnbuild(String trigger) {
    List<String> all = new ArrayList<>(onbuild());
    all.add(trigger);
    config.put("OnBuild", List.copyOf(all));
  }

  /** Triggers run once, in the image built FROM the one that declares them. */
  void clearOnbuild() {
    config.remove("OnBuild");
  }

  void setAuthor(String author) {
    image.put("author", author);
  }

  private static void putNonZero(Map<String, Object> n, String key, long v) {
    if (v != 0) {
      n.put(key, v);
    }
  }

  @SuppressWarnings("unchecked") // every object in the document is a Map<String, Object>
  private Map<String, Object> object(String key) {
    if (config.get(key) instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    config.put(key, o);
    return o;
  }

  private String text(String key, String fallback) {
    return config.get(key) instanceof String s && !s.isEmpty() ? s : fallback;
  }

  private List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    if (config.get(key) instanceof List<?> l) {
      l.forEach(e -> out.add(String.valueOf(e))); // as Jackson's asText: null is "null"
    }
    return out;
  }

  @SuppressWarnings("unchecked") // toPlain of an object node is a Map<String, Object>
  private static Map<String, Object> plainObject(JsonNode object) {
    return (Map<String, Object>) object.toPlain();
  }
}
