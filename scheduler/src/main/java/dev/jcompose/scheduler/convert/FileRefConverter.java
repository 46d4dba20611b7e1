package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Config;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.scheduler.api.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets and configs as docker compose mounts them on a local engine: read-only binds of files,
 * secrets at {@code /run/secrets/<name>} and configs at {@code /<name>} unless a target is given.
 * Values from {@code environment} or {@code content} are written to files by a {@link
 * ContentWriter}.
 */
public final class FileRefConverter {

  /** Materialises inline content (secret from environment, config content) as a host file. */
  @FunctionalInterface
  public interface ContentWriter {
    Path write(String kind, String name, String content);
  }

  private FileRefConverter() {}

  public static List<MountSpec> mounts(Project p, Service s, ContentWriter writer) {
    List<MountSpec> out = new ArrayList<>();
    for (ServiceStorage.FileRef ref : s.storage().secrets()) {
      Secret sec = p.secrets() == null ? null : p.secrets().get(ref.source());
      if (sec == null) {
        throw missing(s, "secret", ref.source());
      }
      Path src =
          sec.file() != null
              ? Path.of(sec.file())
              : writer.write(
                  "secret",
                  ref.source(),
                  System.getenv().getOrDefault(String.valueOf(sec.environment()), ""));
      out.add(bind(src, target(ref, "/run/secrets/")));
    }
    for (ServiceStorage.FileRef ref : s.storage().configs()) {
      Config cfg = p.configs() == null ? null : p.configs().get(ref.source());
      if (cfg == null) {
        throw missing(s, "config", ref.source());
      }
      Path src =
          cfg.file() != null
              ? Path.of(cfg.file())
              : writer.write(
                  "config",
                  ref.source(),
                  cfg.content() != null
                      ? cfg.content()
                      : System.getenv().getOrDefault(String.valueOf(cfg.environment()), ""));
      out.add(bind(src, target(ref, "/")));
    }
    return out;
  }

  private static String target(ServiceStorage.FileRef ref, String base) {
    if (ref.target() == null || ref.target().isEmpty()) {
      return base + ref.source();
    }
    return ref.target().startsWith("/") ? ref.target() : base + ref.target();
  }

  private static MountSpec bind(Path src, String target) {
    return new MountSpec(MountSpec.Type.BIND, src, target, true, false, List.of());
  }

  private static ComposeException missing(Service s, String kind, String name) {
    return new ComposeException(
        ComposeException.Kind.INVALID,
        "service \"" + s.name() + "\" refers to undefined " + kind + " " + name);
  }
}
