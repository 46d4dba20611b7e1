package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.Config;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code configs} and {@code secrets}: one ConfigMap or Secret per top-level entry a service uses
 * (from its file, inline content or environment variable), holding one key named like the entry,
 * mounted with {@code subPath} where compose puts it: configs at {@code /<name>}, secrets at {@code
 * /run/secrets/<name>}, or at the target. External ones must exist under their name. Like Kompose,
 * the Secret carries the secret's bytes (base64): the manifests are as sensitive as the files they
 * came from.
 */
final class FileRefs {
  private FileRefs() {}

  /** The ConfigMaps and Secrets of every non-external config and secret some service uses. */
  static List<Manifest> objects(Context ctx) {
    Set<String> configs = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    ctx.project()
        .services()
        .values()
        .forEach(
            s -> {
              s.storage().configs().forEach(r -> configs.add(r.source()));
              s.storage().secrets().forEach(r -> secrets.add(r.source()));
            });
    List<Manifest> out = new ArrayList<>();
    configs.stream()
        .sorted()
        .map(k -> ctx.project().configs().get(k))
        .filter(c -> c != null && !c.external())
        .forEach(c -> out.add(new Manifest(configMap(ctx, c))));
    secrets.stream()
        .sorted()
        .map(k -> ctx.project().secrets().get(k))
        .filter(s -> s != null && !s.external())
        .forEach(
            s ->
                out.add(
                    new Manifest(
                        ConfigMaps.secret(
                            ctx,
                            Names.label(s.key()),
                            Obj.of(
                                Names.dataKey(s.key()),
                                Base64.getEncoder().encodeToString(secretBytes(ctx, s)))))));
    return out;
  }

  /** Volumes and mounts of one service's config and secret references. */
  static void add(Context ctx, Service s, PodStorage storage) {
    refs(ctx, s, s.storage().configs(), "configs", "/", storage);
    refs(ctx, s, s.storage().secrets(), "secrets", "/run/secrets/", storage);
  }

  private static void refs(
      Context ctx,
      Service s,
      List<ServiceStorage.FileRef> refs,
      String attribute,
      String base,
      PodStorage storage) {
    boolean config = attribute.equals("configs");
    for (int i = 0; i < refs.size(); i++) {
      ServiceStorage.FileRef r = refs.get(i);
      String[] path = Context.path(s, attribute, String.valueOf(i));
      if (r.uid() != null || r.gid() != null) {
        ctx.findings()
            .report(
                "uid and gid have no Kubernetes field (files are owned by root, or by fsGroup); not converted",
                path);
      }
      String object = objectName(ctx, config, r.source());
      String key = external(ctx, config, r.source()) ? r.source() : Names.dataKey(r.source());
      String volume = (config ? "config-" : "secret-") + i;
      Map<String, Object> source =
          config
              ? Obj.of("name", object, "defaultMode", r.mode())
              : Obj.of("secretName", object, "defaultMode", r.mode());
      storage.add(
          Obj.of("name", volume, config ? "configMap" : "secret", source),
          Mounts.mount(volume, target(r, base), true, key));
    }
  }

  private static String target(ServiceStorage.FileRef r, String base) {
    if (r.target() == null || r.target().isEmpty()) {
      return base + r.source();
    }
    return r.target().startsWith("/") ? r.target() : base + r.target();
  }

  private static boolean external(Context ctx, boolean config, String key) {
    return config
        ? ctx.project().configs().get(key) != null && ctx.project().configs().get(key).external()
        : ctx.project().secrets().get(key) != null && ctx.project().secrets().get(key).external();
  }

  private static String objectName(Context ctx, boolean config, String key) {
    if (config) {
      Config c = ctx.project().configs().get(key);
      return c != null && c.external() && c.name() != null ? c.name() : Names.label(key);
    }
    Secret s = ctx.project().secrets().get(key);
    return s != null && s.external() && s.name() != null ? s.name() : Names.label(key);
  }

  /** Text as {@code data}, other bytes as {@code binaryData}. */
  private static Map<String, Object> configMap(Context ctx, Config c) {
    byte[] bytes =
        c.content() != null
            ? c.content().getBytes(StandardCharsets.UTF_8)
            : c.file() != null
                ? read(ctx, Path.of(c.file()), "configs", c.key())
                : fromEnvironment(ctx, c.environment(), "configs", c.key())
                    .getBytes(StandardCharsets.UTF_8);
    String key = Names.dataKey(c.key());
    String text = Utf8.decode(bytes);
    return ConfigMaps.configMap(
        ctx,
        Names.label(c.key()),
        null,
        text == null ? Map.of() : Obj.of(key, text),
        text == null ? Obj.of(key, Base64.getEncoder().encodeToString(bytes)) : Map.of());
  }

  private static byte[] secretBytes(Context ctx, Secret s) {
    if (s.file() != null) {
      return read(ctx, Path.of(s.file()), "secrets", s.key());
    }
    return fromEnvironment(ctx, s.environment(), "secrets", s.key())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String fromEnvironment(Context ctx, String variable, String section, String key) {
    String v = variable == null ? null : ctx.options().environment().get(variable);
    if (v == null) {
      ctx.findings()
          .report(
              "environment variable " + variable + " is not set; the object is empty",
              section,
              key,
              "environment");
      return "";
    }
    return v;
  }

  /**
   * The file's bytes; a missing file is reported (compose checks it only when it starts the
   * service).
   */
  private static byte[] read(Context ctx, Path file, String section, String key) {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      ctx.findings()
          .report("file " + file + " does not exist; the object is empty", section, key, "file");
      return new byte[0];
    } catch (IOException e) {
      throw new ComposeFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
