package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.output.ConfigRenderer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one-name-per-line variants of {@code config} and service selection. docker compose prints Go
 * map keys in random order; we print them sorted, which is one of the orders compose can print.
 */
final class ConfigListings {
  private ConfigListings() {}

  /** The lines for a listing flag, or null when no listing flag is set. */
  static List<String> lines(Args args, LoadResult result) {
    Project p = result.project();
    if (args.has(ConfigCommand.SERVICES)) {
      return new ArrayList<>(new TreeSet<>(p.services().keySet()));
    }
    if (args.has(ConfigCommand.VOLUMES)) {
      return new ArrayList<>(new TreeSet<>(p.volumes().keySet()));
    }
    if (args.has(ConfigCommand.NETWORKS)) {
      return new ArrayList<>(new TreeSet<>(p.networks().keySet()));
    }
    if (args.has(ConfigCommand.PROFILES)) {
      return result.allProfiles();
    }
    if (args.has(ConfigCommand.IMAGES)) {
      List<String> out = new ArrayList<>();
      new TreeSet<>(p.services().keySet())
          .forEach(name -> out.add(imageOf(p, p.services().get(name))));
      return out;
    }
    return null;
  }

  /** compose's api.GetImageNameOrDefault: the image, else {@code <project>-<service>}. */
  private static String imageOf(Project p, Service s) {
    return s.image() != null ? s.image() : p.name() + "-" + s.name();
  }

  /** The canonical model restricted to {@code names} and their dependencies (all if empty). */
  static Map<String, Object> selected(LoadResult result, List<String> names) {
    if (names.isEmpty()) {
      return result.canonical();
    }
    Project p = result.project();
    Set<String> keep = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(names);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!p.services().containsKey(name)) {
        throw new ComposeFileException("no such service: " + name);
      }
      if (keep.add(name)) {
        todo.addAll(p.services().get(name).lifecycle().dependsOn().keySet());
      }
    }
    return ConfigRenderer.withServices(result.canonical(), keep);
  }
}
