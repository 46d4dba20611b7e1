package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.args.Command;
import org.junit.jupiter.api.Test;

class SubcommandsTest {
  @Test
  void everyListedVerbIsMade_underItsOwnName() {
    for (String name : Subcommands.names()) {
      Command verb = Subcommands.create(name);
      assertThat(verb).as(name).isNotNull();
      assertThat(verb.spec().path()).containsExactly(name);
      assertThat(verb.spec().description()).isNotBlank();
    }
    assertThat(Subcommands.create("nope")).isNull();
  }

  @Test
  void visible_isTheHelpList_withSpecsCompletionCanWalk() {
    assertThat(Subcommands.visible().keySet()).containsExactlyElementsOf(Subcommands.names());
    assertThat(Subcommands.visible().get("volume").spec().subverbs()).containsKeys("ls", "rm");
    assertThat(Subcommands.visible().get("stop").spec().operands()).isEqualTo("[SERVICE...]");
  }

  @Test
  void rootHelp_listsEveryVerb() {
    String help = JcomposeCli.help(new JcomposeCli());
    assertThat(help).startsWith("Usage:  jcompose [OPTIONS] COMMAND");
    for (String name : Subcommands.names()) {
      assertThat(help).contains("\n  " + name + " ");
    }
  }
}
