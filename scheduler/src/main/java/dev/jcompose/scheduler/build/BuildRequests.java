package dev.jcompose.scheduler.build;

import dev.jcompose.builder.api.BuildRequest;
import dev.jcompose.model.api.BuildConfig;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeException.Kind;
import dev.jcompose.scheduler.names.ContainerNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code build:} section as a {@link BuildRequest}: the one place that translates
 * compose's build attributes, refusing clearly what the builder cannot honour (remote contexts,
 * foreign platforms, a network other than default, none or host).
 */
public final class BuildRequests {
  private static final Set<String> NETWORKS = Set.of("default", "none", "host");

  private BuildRequests() {}

  /**
   * The builder's request for one service's {@code build:} section.
   *
   * @param platform the host's platform ({@code linux/amd64}), the only one buildable
   * @param env where {@code environment:} secrets are read
   */
  public static BuildRequest of(
      Project p, Service s, BuildOptions options, String platform, Map<String, String> env) {
    BuildConfig b = s.build();
    String where = "service \"" + s.name() + "\": build";
    Path context = context(b.context(), where);
    if (!b.ssh().isEmpty()) {
      throw new ComposeException(
          Kind.INVALID,
          where
              + ".ssh: "
              + b.ssh()
              + " is not supported: jcompose does not forward SSH agents or keys into builds"
              + " (use a build secret, build.secrets, for a key a RUN step needs)");
    }
    for (String pf : b.platforms()) {
      if (!samePlatform(pf, platform)) {
        throw new ComposeException(
            Kind.INVALID,
            where
                + ".platforms: "
                + pf
                + " cannot be built here: only the host's platform "
                + platform
                + " (no emulation)");
      }
    }
    String network = b.network() == null || b.network().isEmpty() ? "default" : b.network();
    if (!NETWORKS.contains(network)) {
      throw new ComposeException(
          Kind.INVALID,
          where + ".network: \"" + network + "\" is not supported: RUN uses default, none or host");
    }
    Map<String, String> args = new LinkedHashMap<>(b.args());
    args.putAll(options.buildArgs());
    List<String> tags = new ArrayList<>();
    tags.add(ContainerNames.image(p.name(), s));
    tags.addAll(b.tags());
    List<String> hosts = b.extraHosts().stream().map(h -> h.host() + ":" + h.ip()).toList();
    Path dockerfile =
        b.dockerfileInline() != null
            ? null
            : Path.of(b.dockerfile() == null ? "Dockerfile" : b.dockerfile());
    return new BuildRequest(
        context,
        dockerfile,
        b.dockerfileInline(),
        args,
        b.target(),
        tags,
        b.labels(),
        network,
        hosts,
        b.shmSize(),
        secrets(p, s, where, env),
        contexts(b.additionalContexts(), context),
        cacheFrom(b.cacheFrom()),
        b.noCache() || options.noCache(),
        b.pull() || options.pull());
  }

  private static Path context(String context, String where) {
    String c = context == null ? "." : context;
    if (c.contains("://") || c.startsWith("git@") || c.endsWith(".git")) {
      throw new ComposeException(
          Kind.INVALID,
          where + ".context: remote contexts (" + c + ") are not supported: use a local directory");
    }
    Path dir = Path.of(c);
    if (!dir.isAbsolute()) {
      throw new ComposeException(
          Kind.INVALID, where + ".context: " + c + " should have been made absolute by the loader");
    }
    return dir;
  }

  static boolean samePlatform(String requested, String host) {
    String[] r = requested.split("/", -1);
    String[] h = host.split("/", -1);
    return r.length >= 2
        && r[0].equals(h[0])
        && r[1].equals(h[1])
        && (r.length < 3 || h.length < 3 || r[2].equals(h[2]));
  }

  private static Map<String, byte[]> secrets(
      Project p, Service s, String where, Map<String, String> env) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (ServiceStorage.FileRef ref : s.build().secrets()) {
      Secret sec = p.secrets().get(ref.source());
      if (sec == null) {
        throw new ComposeException(
            Kind.INVALID,
            where + ".secrets: secret \"" + ref.source() + "\" is not defined in the project");
      }
      String id = ref.target() != null && !ref.target().isEmpty() ? ref.target() : ref.source();
      if (sec.file() != null) {
        try {
          out.put(id, Files.readAllBytes(Path.of(sec.file())));
        } catch (IOException e) {
          throw new ComposeException(
              Kind.INVALID,
              where + ".secrets: cannot read " + sec.file() + ": " + e.getMessage(),
              e);
        }
      } else if (sec.environment() != null) {
        out.put(
            id,
            env.getOrDefault(sec.environment(), "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        throw new ComposeException(
            Kind.INVALID,
            where + ".secrets: external secret \"" + ref.source() + "\" cannot be used in a build");
      }
    }
    return out;
  }

  // Named contexts: docker-image:// stays as is, local paths are made absolute against the context.
  private static Map<String, String> contexts(Map<String, String> named, Path context) {
    Map<String, String> out = new LinkedHashMap<>();
    named.forEach(
        (name, value) -> {
          if (value.startsWith("docker-image://")) {
            out.put(name, value);
          } else if (value.contains("://")) {
            throw new ComposeException(
                Kind.INVALID,
                "build.additional_contexts."
                    + name
                    + ": "
                    + value
                    + " is not supported (a local directory or docker-image://)");
          } else {
            out.put(name, context.resolve(value).normalize().toString());
          }
        });
    return out;
  }

  // cache_from entries are image references, or type=registry,ref=<ref>; other cache types need
  // BuildKit's exporters.
  private static List<String> cacheFrom(List<String> entries) {
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      if (!e.contains("=")) {
        out.add(e);
      } else if (e.startsWith("type=registry,")) {
        for (String part : e.split(",", -1)) {
          if (part.startsWith("ref=")) {
            out.add(part.substring(4));
          }
        }
      }
    }
    return out;
  }
}
