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
      Map.of(
          "logs", Map.of("--follow", "-f"),
          "version", Map.of("--format", "-f"),
          "run", Map.of("--publish", "-p"));

  private LocalShortNames() {}

  static void apply(CommandLine verb) {
    CommandSpec spec = verb.getCommandSpec();
    BY_VERB
        .getOrDefault(spec.name(), Map.of())
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
