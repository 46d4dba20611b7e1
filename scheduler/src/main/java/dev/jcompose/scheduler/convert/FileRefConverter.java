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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets and configs as docker compose mounts them on a local engine: read-only binds of files,
 * secrets at {@code /run/secrets/<name>} and configs at {@code /<name>} unless a target is given.
 * Values from {@code environment} or {@code content} are written to files by a {@link
 * ContentWriter}, with the reference's uid, gid and mode; a {@code file} source is bound as the
 * host file is (the loader warns when the reference sets uid, gid or mode there).
 */
public final class FileRefConverter {

  /**
   * Materialises inline content (secret from environment, config content) as a host file owned and
   * moded as {@code attributes} say.
   */
  @FunctionalInterface
  public interface ContentWriter {
    Path write(String kind, String name, String content, FileAttributes attributes);
  }

  /**
   * Owner and mode of a file the engine writes from inline content: the reference's numeric uid and
   * gid (validated at load) and its mode, else root and 0444, as docker compose's
   * injectSecrets/injectConfigs give the file they copy into the container.
   */
  public record FileAttributes(long uid, long gid, int mode) {
    public static final int DEFAULT_MODE = 0444;

    static FileAttributes of(ServiceStorage.FileRef ref) {
      return new FileAttributes(
          id(ref.uid()), id(ref.gid()), ref.mode() == null ? DEFAULT_MODE : ref.mode());
    }

    private static long id(String id) {
      return id == null || id.isEmpty() ? 0 : Long.parseLong(id);
    }
  }

  private FileRefConverter() {}

  public static List<MountSpec> mounts(Project p, Service s, ContentWriter writer) {
    List<MountSpec> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
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
                  fileName(seen, "secret", ref.source()),
                  System.getenv().getOrDefault(String.valueOf(sec.environment()), ""),
                  FileAttributes.of(ref));
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
                  fileName(seen, "config", ref.source()),
                  cfg.content() != null
                      ? cfg.content()
                      : System.getenv().getOrDefault(String.valueOf(cfg.environment()), ""),
                  FileAttributes.of(ref));
      out.add(bind(src, target(ref, "/")));
    }
    return out;
  }

  /**
   * The name of the host file for one reference: the source's name, then {@code name.2}, {@code
   * name.3}... when a service refers to one source again (another target may want another owner or
   * mode; each gets its own file).
   */
  private static String fileName(Map<String, Integer> seen, String kind, String source) {
    int n = seen.merge(kind + "/" + source, 1, Integer::sum);
    return n == 1 ? source : source + "." + n;
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
