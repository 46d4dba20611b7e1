package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.Volume;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Project} records for tests, with a default network like the loader adds. */
public final class Proj {
  private final String name;
  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, Network> networks = new LinkedHashMap<>();
  private final Map<String, Volume> volumes = new LinkedHashMap<>();

  private Proj(String name) {
    this.name = name;
    networks.put(
        "default",
        new Network(
            "default",
            name + "_default",
            "bridge",
            Map.of(),
            false,
            false,
            false,
            null,
            null,
            Map.of()));
  }

  public static Proj of(String name) {
    return new Proj(name);
  }

  public Proj service(Svc s) {
    services.put(s.name, s.build());
    return this;
  }

  public Proj volume(String key) {
    volumes.put(key, new Volume(key, name + "_" + key, "local", Map.of(), false, Map.of()));
    return this;
  }

  public Project build() {
    return new Project(
        name, Path.of("/tmp/" + name), List.of(), services, networks, volumes, Map.of(), Map.of());
  }
}
