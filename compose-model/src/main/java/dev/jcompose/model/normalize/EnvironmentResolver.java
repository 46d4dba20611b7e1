package dev.jcompose.model.normalize;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.env.DotEnv;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's final environment, as compose-go Normalize + WithServicesEnvironmentResolved: bare
 * keys take the interpolation environment's value (or stay null = unset), env_file contents are
 * read in order (later files win, values may refer to the project environment, then to the
 * service's own environment), and {@code environment} beats every env_file. {@code env_file} itself
 * is then dropped, as {@code docker compose config} does.
 */
final class EnvironmentResolver {
  private EnvironmentResolver() {}

  record EnvFile(Path path, boolean required, DotEnv.Format format, Node node) {}

  static void resolve(MapNode svc, TreePath path, NormalizeContext ctx, Map<String, Object> out) {
    Map<String, String> declared = new LinkedHashMap<>();
    GoMap env = out.get("environment") instanceof GoMap g ? g : new GoMap();
    env.replaceAll((k, v) -> v != null ? v : ctx.environment.get(k));
    env.forEach(
        (k, v) -> {
          if (v != null) {
            declared.put(k, (String) v);
          }
        });
    Map<String, String> merged = new LinkedHashMap<>(declared);
    for (EnvFile f : envFiles(svc.get("env_file"), path.key("env_file"), ctx)) {
      merged.putAll(read(f, ctx, declared));
    }
    Map<String, Object> result = new LinkedHashMap<>(merged);
    result.putAll(env);
    if (!result.isEmpty()) {
      out.put("environment", GoMap.sorted(result));
    }
  }

  /**
   * compose-go WithServicesLabelsResolved: label files in order (a file's values may refer to keys
   * of earlier files), then {@code labels} win; {@code label_file} itself is not printed.
   */
  static void resolveLabels(
      MapNode svc, TreePath path, NormalizeContext ctx, Map<String, Object> out) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String file : Converters.strings(svc.get("label_file"), path.key("label_file"), true)) {
      Path abs = Path.of(ctx.absPath(file));
      if (!Files.exists(abs)) {
        throw NormalizeContext.error(
            svc.get("label_file"),
            path.key("label_file"),
            "label file " + abs + " not found: stat " + abs + ": no such file or directory");
      }
      labels.putAll(read(new EnvFile(abs, true, DotEnv.Format.DOTENV, svc), ctx, labels));
    }
    if (out.get("labels") instanceof Map<?, ?> declared) {
      declared.forEach((k, v) -> labels.put((String) k, (String) v));
    }
    if (!labels.isEmpty()) {
      out.put("labels", GoMap.sorted(labels));
    }
  }

  private static Map<String, String> read(
      EnvFile f, NormalizeContext ctx, Map<String, String> declared) {
    if (!Files.exists(f.path())) {
      if (f.required()) {
        throw NormalizeContext.error(
            f.node(),
            "env_file",
            "env file "
                + f.path()
                + " not found: stat "
                + f.path()
                + ": no such file or directory");
      }
      return Map.of();
    }
    try {
      return DotEnv.read(
          f.path(),
          k ->
              Optional.ofNullable(
                  ctx.environment.containsKey(k) ? ctx.environment.get(k) : declared.get(k)),
          f.format());
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ComposeFileException("failed to read " + f.path() + ": " + e.getMessage(), e);
    }
  }

  static List<EnvFile> envFiles(Node n, TreePath p, NormalizeContext ctx) {
    List<EnvFile> out = new ArrayList<>();
    if (Converters.isNull(n)) {
      return out;
    }
    List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
    for (Node item : items) {
      if (item instanceof ScalarNode s) {
        out.add(
            new EnvFile(
                Path.of(ctx.absPath(Converters.text(s))), true, DotEnv.Format.DOTENV, item));
      } else if (item instanceof MapNode m && m.get("path") != null) {
        boolean required =
            m.get("required") == null || Converters.bool(m.get("required"), p.key("required"));
        String format = Converters.text(m.get("format"));
        out.add(
            new EnvFile(
                Path.of(ctx.absPath(Converters.text(m.get("path")))),
                required,
                "raw".equals(format) ? DotEnv.Format.RAW : DotEnv.Format.DOTENV,
                item));
      } else {
        throw NormalizeContext.error(item, p, "must be a path or {path, required, format}");
      }
    }
    return out;
  }
}
