package dev.jcompose.scheduler.watch;

import dev.jcompose.builder.ignore.IgnoreFile;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.DevelopConfig.Action;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watch rules of a project, compiled: which rules a changed path falls under (those of a
 * service whose path contains it and whose ignore patterns, the defaults docker compose ignores,
 * and for rebuild rules the build context's .dockerignore, do not exclude it), and what that means
 * for each service. Pure apart from reading .dockerignore files once.
 */
public final class WatchRules {
  // editor and VCS noise docker compose ignores in every rule
  private static final List<String> DEFAULT_IGNORES =
      List.of(
          ".git",
          ".git/**",
          "**/*~",
          "**/.*.swp",
          "**/.*.swx",
          "**/.#*",
          "**/4913",
          "**/.DS_Store",
          "**/*.tmp");
  private final Map<String, List<Compiled>> byService;

  private record Compiled(
      DevelopConfig.WatchRule rule,
      Path path,
      PatternMatcher ignore,
      PatternMatcher contextIgnore,
      Path context) {}

  private WatchRules(Map<String, List<Compiled>> byService) {
    this.byService = byService;
  }

  /** The rules of {@code services} (empty = every service with develop.watch). */
  public static WatchRules of(Project p, Collection<String> services) {
    Map<String, List<Compiled>> out = new LinkedHashMap<>();
    for (Service s : p.services().values()) {
      if (s.develop() == null
          || s.develop().watch().isEmpty()
          || (!services.isEmpty() && !services.contains(s.name()))) {
        continue;
      }
      List<Compiled> rules = new ArrayList<>();
      for (DevelopConfig.WatchRule written : s.develop().watch()) {
        DevelopConfig.WatchRule r = absolute(p.workingDir(), written);
        List<String> patterns = new ArrayList<>(DEFAULT_IGNORES);
        patterns.addAll(r.ignore());
        Path context =
            s.build() == null || s.build().context() == null ? null : Path.of(s.build().context());
        PatternMatcher contextIgnore =
            r.action() == Action.REBUILD && context != null
                ? dockerignore(context)
                : PatternMatcher.none();
        rules.add(
            new Compiled(
                r,
                Path.of(r.path()).normalize(),
                PatternMatcher.of(patterns),
                contextIgnore,
                context));
      }
      out.put(s.name(), rules);
    }
    return new WatchRules(out);
  }

  // a relative path is relative to the project directory, as compose-go resolves it
  private static DevelopConfig.WatchRule absolute(Path projectDir, DevelopConfig.WatchRule r) {
    Path path = projectDir.resolve(r.path()).normalize();
    return path.toString().equals(r.path())
        ? r
        : new DevelopConfig.WatchRule(
            path.toString(), r.action(), r.target(), r.ignore(), r.initialSync(), r.exec());
  }

  private static PatternMatcher dockerignore(Path context) {
    try {
      Path f = context.resolve(".dockerignore");
      return Files.isRegularFile(f)
          ? PatternMatcher.of(IgnoreFile.patterns(Files.readString(f)))
          : PatternMatcher.none();
    } catch (IOException | IllegalArgumentException e) {
      return PatternMatcher.none();
    }
  }

  public boolean isEmpty() {
    return byService.isEmpty();
  }

  /** The directories (or files) to watch. */
  public List<Path> paths() {
    return byService.values().stream()
        .flatMap(List::stream)
        .map(Compiled::path)
        .distinct()
        .toList();
  }

  /** The services with rules, in project order. */
  public List<String> services() {
    return List.copyOf(byService.keySet());
  }

  /** The rules with initial_sync of a service, as (host dir, target) pairs to copy at start. */
  public List<DevelopConfig.WatchRule> initialSyncs(String service) {
    return byService.getOrDefault(service, List.of()).stream()
        .map(Compiled::rule)
        .filter(r -> r.initialSync() && r.action().syncs())
        .toList();
  }

  /**
   * Whether {@code file} is ignored by the rule it falls under for {@code service} (used when
   * walking for initial syncs).
   */
  public boolean ignored(String service, DevelopConfig.WatchRule rule, Path file) {
    for (Compiled c : byService.getOrDefault(service, List.of())) {
      if (c.rule().equals(rule)) {
        return !visible(c, file);
      }
    }
    return true;
  }

  /**
   * What the changes mean for each service, services in project order. Every rule whose path holds
   * a changed file and does not ignore it applies, as in docker compose (a rebuild then outweighs
   * the rest); paths under no rule drop out.
   */
  public List<ServiceActions> actions(Collection<FileChange> changes) {
    List<ServiceActions> out = new ArrayList<>();
    for (Map.Entry<String, List<Compiled>> e : byService.entrySet()) {
      ServiceActions.Builder b = new ServiceActions.Builder(e.getKey());
      for (FileChange c : changes) {
        Path file = c.path().normalize();
        for (Compiled rule : e.getValue()) {
          if (file.startsWith(rule.path()) && visible(rule, file)) {
            b.add(rule.rule(), containerPath(rule, file), c);
          }
        }
      }
      if (!b.isEmpty()) {
        out.add(b.build());
      }
    }
    return out;
  }

  private static boolean visible(Compiled rule, Path file) {
    String rel = rule.path().relativize(file).toString();
    if (!rel.isEmpty() && rule.ignore().matches(rel)) {
      return false;
    }
    if (rule.context() != null && file.startsWith(rule.context())) {
      String inContext = rule.context().relativize(file).toString();
      return inContext.isEmpty() || !rule.contextIgnore().matches(inContext);
    }
    return true;
  }

  private static String containerPath(Compiled rule, Path file) {
    if (rule.rule().target() == null) {
      return null;
    }
    String rel = rule.path().relativize(file).toString();
    String target =
        rule.rule().target().endsWith("/")
            ? rule.rule().target().substring(0, rule.rule().target().length() - 1)
            : rule.rule().target();
    return rel.isEmpty() ? target : target + "/" + rel;
  }
}
