package dev.jcompose.cli;

import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Verb options whose short name docker compose gives priority over a global flag: {@code logs -f}
 * is --follow, {@code version -f} is --format, {@code run -p} is --publish. docker compose's global
 * flags are cobra persistent flags, which a verb's own flag of the same shorthand shadows; picocli
 * refuses two options with one name, so the inherited global one is removed from that verb only (it
 * stays usable before the verb, e.g. {@code jcompose -f x.yaml logs -f}).
 */
final class LocalShortNames {
  private static final Map<String, Map<String, String>> BY_VERB =
      Map.ofEntries(
          Map.entry("logs", Map.of("--follow", "-f")),
          Map.entry("version", Map.of("--format", "-f")),
          Map.entry("run", Map.of("--publish", "-p")),
          Map.entry("rm", Map.of("--force", "-f")),
          Map.entry("commit", Map.of("--pause", "-p")),
          Map.entry("image rm", Map.of("--force", "-f")),
          Map.entry("image prune", Map.of("--force", "-f")),
          Map.entry("image inspect", Map.of("--format", "-f")),
          Map.entry("container inspect", Map.of("--format", "-f")),
          Map.entry("volume prune", Map.of("--force", "-f")),
          Map.entry("system prune", Map.of("--force", "-f")));

  private LocalShortNames() {}

  /** Applies to {@code verb} and its own subcommands ({@code image rm -f}). */
  static void apply(CommandLine verb) {
    CommandSpec spec = verb.getCommandSpec();
    String qualified = spec.qualifiedName(" ");
    String key =
        qualified.contains(" ") ? qualified.substring(qualified.indexOf(' ') + 1) : qualified;
    verb.getSubcommands().values().stream().distinct().forEach(LocalShortNames::apply);
    BY_VERB
        .getOrDefault(key, Map.of())
        .forEach(
            (longName, shortName) -> {
              OptionSpec global = spec.findOption(shortName);
              if (global != null) {
                spec.remove(global);
              }
              OptionSpec local = spec.findOption(longName);
              String[] names = Arrays.copyOf(local.names(), local.names().length + 1);
              names[names.length - 1] = shortName;
              spec.remove(local);
              spec.addOption(local.toBuilder().names(names).build());
            });
  }
}
