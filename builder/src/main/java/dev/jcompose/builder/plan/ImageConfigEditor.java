package dev.jcompose.builder.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits the {@code config} object of an OCI image config the way Dockerfile instructions do
 * (BuildKit {@code dockerfile2llb} dispatchers). Fields it does not know are kept.
 */
final class ImageConfigEditor {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectNode image;
  private final ObjectNode config;

  /** Takes a copy of {@code baseImage} (a whole image config; null for scratch). */
  ImageConfigEditor(ObjectNode baseImage, String platform) {
    image = F.objectNode();
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
    config = baseConfig instanceof ObjectNode o ? o.deepCopy() : F.objectNode();
    image.set("config", config);
    if (env().stream().noneMatch(e -> e.startsWith("PATH="))) {
      setEnv("PATH", DEFAULT_PATH); // BuildKit always sets PATH
    }
  }

  /** The image config (without rootfs/history/created), shared: callers must not edit it. */
  ObjectNode image() {
    return image;
  }

  ObjectNode snapshot() {
    return image.deepCopy();
  }

  List<String> env() {
    return strings(config.get("Env"));
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
    config.set("Env", array(env));
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
    List<String> shell = strings(config.get("Shell"));
    return shell.isEmpty() ? List.of("/bin/sh", "-c") : shell;
  }

  void setShell(List<String> shell) {
    config.set("Shell", array(shell));
  }

  /** null removes CMD (what BuildKit's nil slice becomes in JSON). */
  void setCmd(List<String> cmd) {
    if (cmd == null) {
      config.remove("Cmd");
      return;
    }
    config.set("Cmd", array(cmd));
    config.put("ArgsEscaped", true); // what BuildKit writes for docker compatibility
  }

  void setEntrypoint(List<String> entrypoint) {
    config.set("Entrypoint", entrypoint == null ? null : array(entrypoint));
    config.put("ArgsEscaped", true);
  }

  void addLabel(String key, String value) {
    object("Labels").put(key, value);
  }

  void addExposedPort(String port) {
    object("ExposedPorts").set(port, F.objectNode());
  }

  void addVolume(String path) {
    object("Volumes").set(path, F.objectNode());
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
    ObjectNode h = F.objectNode();
    h.set("Test", array(test));
    putNonZero(h, "Interval", interval);
    putNonZero(h, "Timeout", timeout);
    putNonZero(h, "StartPeriod", startPeriod);
    putNonZero(h, "StartInterval", startInterval);
    putNonZero(h, "Retries", retries);
    config.set("Healthcheck", h);
  }

  List<String> onbuild() {
    return strings(config.get("OnBuild"));
  }

  void addOnbuild(String trigger) {
    List<String> all = new ArrayList<>(onbuild());
    all.add(trigger);
    config.set("OnBuild", array(all));
  }

  /** Triggers run once, in the image built FROM the one that declares them. */
  void clearOnbuild() {
    config.remove("OnBuild");
  }

  void setAuthor(String author) {
    image.put("author", author);
  }

  private static void putNonZero(ObjectNode n, String key, long v) {
    if (v != 0) {
      n.put(key, v);
    }
  }

  private ObjectNode object(String key) {
    JsonNode n = config.get(key);
    if (n instanceof ObjectNode o) {
      return o;
    }
    ObjectNode o = F.objectNode();
    config.set(key, o);
    return o;
  }

  private String text(String key, String fallback) {
    JsonNode n = config.get(key);
    return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : fallback;
  }

  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  static ArrayNode array(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
