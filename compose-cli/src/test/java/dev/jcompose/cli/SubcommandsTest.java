package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {
  @Test
  void verbOf_skipsGlobalOptionsAndTheirValues() {
    assertThat(
            Subcommands.verbOf("-f", "a.yaml", "--project-name", "x", "--profile", "p", "up", "-d"))
        .isEqualTo("up");
    assertThat(Subcommands.verbOf("--file=a.yaml", "logs", "-f")).isEqualTo("logs");
    assertThat(Subcommands.verbOf("--help")).isEmpty();
  }

  @Test
  void onlyTheNamedVerbIsBuilt_helpGetsThemAll() {
    CommandLine one = JcomposeCli.newCommandLine("-p", "x", "ps");
    assertThat(one.getSubcommands()).containsOnlyKeys("help", "ps");
    CommandLine all = JcomposeCli.newCommandLine("--help");
    assertThat(all.getSubcommands().keySet()).containsAll(Subcommands.names());
  }
}
