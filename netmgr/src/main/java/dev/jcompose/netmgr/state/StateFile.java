package dev.jcompose.netmgr.state;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.PortBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists {@link NetState} as {@code <stateDir>/networks.json}: written to a temp file, fsynced,
 * renamed over the old one, so a crash leaves either the old or the new state, never half.
 */
public final class StateFile {
  private static final int VERSION = 1;
  private final Path file;

  public StateFile(Path stateDir) {
    this.file = stateDir.resolve("networks.json");
  }

  public Path file() {
    return file;
  }

  public NetState load() {
    NetState state = new NetState();
    if (!Files.exists(file)) {
      return state;
    }
    try {
      JsonNode json = Json.parse(file);
      for (JsonNode o : json.path("networks").elements()) {
        NetworkRecord n = StateCodec.network(o);
        state.networks().put(n.name(), n);
      }
      json.path("endpoints").elements().forEach(o -> state.putEndpoint(StateCodec.endpoint(o)));
      json.path("ports").fields().forEach((k, v) -> state.ports().put(k, StateCodec.ports(v)));
      state.resolvers().putAll(StateCodec.strings(json.path("resolvers")));
      state.forwardingEnabled(StateCodec.flag(json, "forwardingEnabled", false));
      state.forwardingEnabled6(StateCodec.flag(json, "forwardingEnabled6", false));
      return state;
    } catch (IOException | RuntimeException e) {
      throw new NetworkException(
          NetworkException.Kind.INTERNAL,
          "cannot read network state " + file + ": " + e.getMessage(),
          e);
    }
  }

  public void save(NetState state) {
    write(encode(state));
  }

  /**
   * The file's text for {@code state}; cheap, so callers take it under their lock and write later.
   */
  public String encode(NetState state) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", VERSION);
    json.put("networks", state.networks().values().stream().map(StateCodec::toJson).toList());
    json.put("endpoints", state.endpoints().stream().map(StateCodec::toJson).toList());
    json.put("forwardingEnabled", state.forwardingEnabled());
    json.put("forwardingEnabled6", state.forwardingEnabled6());
    Map<String, Object> ports = new LinkedHashMap<>();
    for (Map.Entry<String, List<PortBinding>> e : state.ports().entrySet()) {
      ports.put(e.getKey(), StateCodec.toJson(e.getValue()));
    }
    json.put("ports", ports);
    json.put("resolvers", new LinkedHashMap<>(state.resolvers()));
    return Json.pretty(json);
  }

  /** Replaces the file with {@code text} (from {@link #encode}): temp file, fsync, rename. */
  public void write(String text) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetworkException(
          NetworkException.Kind.INTERNAL,
          "cannot write network state " + file + ": " + e.getMessage(),
          e);
    }
  }
}
