package dev.jcompose.cli.command;

import dev.jcompose.cli.output.TabTable;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.interpolate.Variables;
import dev.jcompose.model.load.LoadedTree;
import dev.jcompose.model.load.ProjectTreeLoader;
import dev.jcompose.model.normalize.Plain;
import dev.jcompose.model.output.ConfigRenderer;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ImageDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code config} modes that are not the normalised model: {@code --variables} (what the files
 * refer to, from the raw text), {@code --environment} (the interpolation environment), {@code
 * --no-normalize} (the merged files as written), {@code --hash} and {@code
 * --resolve-image-digests}.
 */
final class ConfigModes {
  private ConfigModes() {}

  /** The output of a mode that reads the files without normalising them, or null for the others. */
  static List<String> rawLines(ConfigCommand c, LoadOptions options) {
    if (c.variables) {
      LoadedTree raw = ProjectTreeLoader.load(withoutInterpolation(options));
      TabTable t =
          new TabTable().row(List.of("NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"));
      Variables.of(raw.tree())
          .values()
          .forEach(
              v ->
                  t.row(
                      List.of(
                          v.name(),
                          Boolean.toString(v.required()),
                          v.defaultValue(),
                          v.alternateValue())));
      return t.render().lines().toList();
    }
    if (c.environment) {
      LoadedTree loaded = ProjectTreeLoader.load(options);
      List<String> out = new ArrayList<>();
      new TreeSet<>(loaded.environment().keySet())
          .forEach(k -> out.add(k + "=" + loaded.environment().get(k)));
      return out;
    }
    if (c.noNormalize) {
      LoadedTree loaded = ProjectTreeLoader.load(options);
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) Plain.of(loaded.tree());
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", loaded.projectName());
      model.putAll(tree);
      return ConfigRenderer.render(model, c.format(), !c.noInterpolate).lines().toList();
    }
    return null;
  }

  /**
   * {@code --hash "web,db"} or {@code "*"}: "service hash" per line, as docker compose prints them.
   */
  static List<String> hashes(LoadResult result, String which) {
    Project p = result.project();
    List<String> names =
        which.equals("*")
            ? new ArrayList<>(new TreeSet<>(p.services().keySet()))
            : List.of(which.split(",", -1));
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!p.services().containsKey(n.trim())) {
        throw new ComposeFileException("no such service: " + n.trim());
      }
      out.add(n.trim() + " " + p.services().get(n.trim()).configHash());
    }
    return out;
  }

  /**
   * Each service's image as {@code name:tag@sha256:...}, from the digest the local store pulled it
   * by.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> pinDigests(Map<String, Object> model, ComposeService compose) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    Map<String, Object> services =
        new LinkedHashMap<>((Map<String, Object>) model.getOrDefault("services", Map.of()));
    services.replaceAll(
        (name, value) -> {
          Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) value);
          Object image = s.get("image");
          if (image instanceof String ref && !ref.contains("@")) {
            List<ImageDetails> found = compose.imageList(List.of(ref));
            if (found.isEmpty() || found.get(0).repoDigests().isEmpty()) {
              throw new ComposeFileException(
                  "image "
                      + ref
                      + " of service "
                      + name
                      + " has no digest in the local store: pull it first");
            }
            String digest = found.get(0).repoDigests().get(0);
            s.put("image", ref + digest.substring(digest.indexOf('@')));
          }
          return s;
        });
    copy.put("services", services);
    return copy;
  }

  private static LoadOptions withoutInterpolation(LoadOptions o) {
    return new LoadOptions(
        o.files(),
        o.projectDirectory(),
        o.projectName(),
        o.envFiles(),
        o.profiles(),
        o.environment(),
        o.workingDir(),
        false,
        o.stdin(),
        o.overrides());
  }
}
