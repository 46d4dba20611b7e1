package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Converters.BOOL;
import static dev.jcompose.model.normalize.Converters.GENERIC;
import static dev.jcompose.model.normalize.Converters.STRING;
import static dev.jcompose.model.normalize.Converters.STRINGS;

import dev.jcompose.model.tree.ScalarNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * compose-go's DevelopConfig: {@code watch} triggers in struct order, each {@code path} made
 * absolute against the project directory and, where a part of it is a symbolic link, that part
 * resolved (paths/resolve.go absSymbolicLink, utils.ResolveSymbolicLink).
 */
final class Develop {
  static final Conv PATH =
      (n, p, c) -> {
        if (Converters.isNull(n)) {
          return Conv.OMIT;
        }
        return resolveLink(c.absPath(Converters.text((ScalarNode) n)));
      };

  static final StructConv TRIGGER =
      StructConv.of(
          "path",
          PATH,
          "action",
          STRING,
          "target",
          STRING,
          "exec",
          GENERIC,
          "include",
          STRINGS,
          "ignore",
          STRINGS,
          "initial_sync",
          BOOL);

  static final StructConv CONFIG =
      StructConv.of(
          "watch",
          (Conv)
              (n, p, c) ->
                  Converters.omitIfEmpty(
                      ListConvs.eachOf(n, p, c, (i, ip, cc) -> List.of(TRIGGER.apply(i, ip, cc)))));

  private Develop() {}

  /** The path with its first symbolic-link part replaced by what the link resolves to. */
  static String resolveLink(String path) {
    Path p = Path.of(path);
    Path prefix = p.getRoot();
    for (Path part : p) {
      prefix = prefix == null ? part : prefix.resolve(part);
      if (Files.isSymbolicLink(prefix)) {
        try {
          String real = prefix.toRealPath().toString();
          return real + path.substring(prefix.toString().length());
        } catch (IOException e) {
          return path;
        }
      }
    }
    return path;
  }
}
