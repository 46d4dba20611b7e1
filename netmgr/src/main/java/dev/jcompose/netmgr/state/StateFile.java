package dev.jcompose.netmgr.state;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.PortBinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
      JsonObject json = new JsonObject(Files.readString(file));
      json.getJsonArray("networks", new JsonArray())
          .forEach(
              o -> {
                NetworkRecord n = StateCodec.network((JsonObject) o);
                state.networks().put(n.name(), n);
              });
      json.getJsonArray("endpoints", new JsonArray())
          .forEach(o -> state.putEndpoint(StateCodec.endpoint((JsonObject) o)));
      json.getJsonObject("ports", new JsonObject())
          .forEach(e -> state.ports().put(e.getKey(), StateCodec.ports((JsonArray) e.getValue())));
      json.getJsonObject("resolvers", new JsonObject())
          .forEach(e -> state.resolvers().put(e.getKey(), String.valueOf(e.getValue())));
      state.forwardingEnabled(json.getBoolean("forwardingEnabled", false));
      state.forwardingEnabled6(json.getBoolean("forwardingEnabled6", false));
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
    JsonObject json =
        new JsonObject()
            .put("version", VERSION)
            .put(
                "networks",
                new JsonArray(state.networks().values().stream().map(StateCodec::toJson).toList()))
            .put(
                "endpoints",
                new JsonArray(state.endpoints().stream().map(StateCodec::toJson).toList()))
            .put("forwardingEnabled", state.forwardingEnabled())
            .put("forwardingEnabled6", state.forwardingEnabled6());
    JsonObject ports = new JsonObject();
    for (Map.Entry<String, List<PortBinding>> e : state.ports().entrySet()) {
      ports.put(e.getKey(), StateCodec.toJson(e.getValue()));
    }
    json.put("ports", ports);
    json.put("resolvers", new JsonObject(new LinkedHashMap<>(state.resolvers())));
    return json.encodePrettily();
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
