package dev.jcompose.model.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved, interpolated, merged, normalised and validated compose project: what the engine
 * consumes. Immutable. Services disabled by profiles are absent from {@link #services()}. The
 * printed form ({@code docker compose config}) is the loader's {@link LoadResult#canonical()}.
 */
public record Project(
    String name,
    Path workingDir,
    List<Path> composeFiles,
    Map<String, Service> services,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, Secret> secrets,
    Map<String, Config> configs) {

  public Project {
    composeFiles = Copies.list(composeFiles);
    services = Copies.map(services);
    networks = Copies.map(networks);
    volumes = Copies.map(volumes);
    secrets = Copies.map(secrets);
    configs = Copies.map(configs);
  }

  /** The service named {@code name}, or null. */
  public Service service(String name) {
    return services.get(name);
  }
}
