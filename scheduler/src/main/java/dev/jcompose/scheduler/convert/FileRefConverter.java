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
 * Secrets and configs as docker compose gives them to a container on a local engine
 * (pkg/compose/create.go buildContainer{Secret,Config}Mounts, secrets.go injectFileReferences): a
 * {@code file} one is a read-only bind (its {@code uid}/{@code gid}/{@code mode} are not applied,
 * and the loader warns); an {@code environment} or {@code content} one is a file written by a
 * {@link ContentWriter} with the reference's {@code uid}, {@code gid} and {@code mode} (0444 unless
 * set), its value taken from the project's environment. Secrets go to {@code /run/secrets/<name>},
 * configs to {@code /<name>}, unless a target is given.
 */
public final class FileRefConverter {
  /**
   * Materialises inline content (secret from environment, config content) as a host file owned and
   * moded as {@code attributes} say; one file per {@code target} (the path in the container: one
   * secret may be given twice, at two targets with two modes).
   */
  @FunctionalInterface
  public interface ContentWriter {
    Path write(String kind, String target, String content, FileAttributes attributes);
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
    for (ServiceStorage.FileRef ref : s.storage().secrets()) {
      Secret sec = p.secrets().get(ref.source());
      if (sec == null) {
        throw missing(s, "secret", ref.source());
      }
      if (sec.external()) {
        throw invalid("unsupported external secret " + sec.name());
      }
      String target = target(ref, "/run/secrets/");
      out.add(
          sec.file() != null
              ? bind(Path.of(sec.file()), target)
              : content(
                  s,
                  writer,
                  "secret",
                  sec.name(),
                  ref,
                  target,
                  value(sec.environment(), sec.environmentValue(), "secret", sec.name())));
    }
    for (ServiceStorage.FileRef ref : s.storage().configs()) {
      Config cfg = p.configs().get(ref.source());
      if (cfg == null) {
        throw missing(s, "config", ref.source());
      }
      if (cfg.external()) {
        throw invalid("unsupported external config " + cfg.name());
      }
      String target = target(ref, "/");
      String content =
          cfg.content() != null
              ? cfg.content()
              : cfg.environment() != null
                  ? value(cfg.environment(), cfg.environmentValue(), "config", cfg.name())
                  : null;
      out.add(
          cfg.file() != null
              ? bind(Path.of(cfg.file()), target)
              : content(s, writer, "config", cfg.name(), ref, target, content));
    }
    return out;
  }

  private static MountSpec content(
      Service s,
      ContentWriter writer,
      String kind,
      String name,
      ServiceStorage.FileRef ref,
      String target,
      String content) {
    if (s.security().readOnly()) {
      throw invalid(
          "cannot create "
              + kind
              + " \""
              + name
              + "\" in read-only service "
              + s.name()
              + ": `file` is the sole supported option");
    }
    Path file = writer.write(kind, target, content, FileAttributes.of(ref));
    // a file of the container's own, as docker compose copies it in: not a read-only mount
    return new MountSpec(MountSpec.Type.BIND, file, target, false, false, List.of());
  }

  private static String value(String variable, String value, String kind, String name) {
    if (value == null) {
      throw invalid(
          "environment variable \""
              + variable
              + "\" required by "
              + kind
              + " \""
              + name
              + "\" is not set");
    }
    return value;
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
    return invalid("service \"" + s.name() + "\" refers to undefined " + kind + " " + name);
  }

  private static ComposeException invalid(String message) {
    return new ComposeException(ComposeException.Kind.INVALID, message);
  }
}
