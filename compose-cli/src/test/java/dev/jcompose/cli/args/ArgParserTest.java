package dev.jcompose.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line grammar of docker compose (cobra/pflag), on a small verb tree. */
class ArgParserTest {
  private static final Opt FILE = Opt.value("FILE", "files", "-f", "--file");
  private static final Opt NAME = Opt.value("NAME", "project", "-p", "--project-name");
  private static final Opt DETACH = Opt.flag("detach", "-d", "--detach");
  private static final Opt NO_TTY = Opt.flag("no tty", "-T");
  private static final Opt TIMEOUT = Opt.value("SECONDS", "timeout", "-t", "--timeout");
  private static final Opt FOLLOW = Opt.flag("follow", "-f", "--follow");
  private static final Opt INTERACTIVE = Opt.value("BOOL", "stdin", "-i").implicit("true");

  private static final VerbSpec UP =
      VerbSpec.of("up", "up").services().options(DETACH, TIMEOUT).build();
  private static final VerbSpec LOGS =
      VerbSpec.of("logs", "logs").services().options(FOLLOW).build();
  private static final VerbSpec RUN =
      VerbSpec.of("run", "run")
          .operands("SERVICE [COMMAND...]", 1, -1)
          .rawAfter(1)
          .options(DETACH, NO_TTY, INTERACTIVE)
          .build();
  private static final VerbSpec LS = VerbSpec.of("ls", "volume", "ls").build();
  private static final VerbSpec VOLUME =
      VerbSpec.of("volumes", "volume").subverb("ls", "ls").build();

  private record Verb(VerbSpec spec) implements Command {
    @Override
    public Command child(String name) {
      return switch (spec.path().isEmpty() ? "root:" + name : spec.path().get(0) + ":" + name) {
        case "root:up" -> new Verb(UP);
        case "root:logs" -> new Verb(LOGS);
        case "root:run" -> new Verb(RUN);
        case "root:volume" -> new Verb(VOLUME);
        case "volume:ls" -> new Verb(LS);
        default -> null;
      };
    }

    @Override
    public int run(Args args) {
      return 0;
    }
  }

  private static ArgParser.Parsed parse(String... argv) {
    return new ArgParser(List.of(FILE, NAME)).parse(new Verb(VerbSpec.of("root").build()), argv);
  }

  @Test
  void globalOptions_beforeOrAfterTheVerb() {
    ArgParser.Parsed p =
        parse("-f", "a.yaml", "up", "--project-name=x", "-d", "web", "--file", "b");
    assertThat(p.command().spec()).isEqualTo(UP);
    assertThat(p.args().all(FILE)).containsExactly("a.yaml", "b");
    assertThat(p.args().get(NAME)).isEqualTo("x");
    assertThat(p.args().has(DETACH)).isTrue();
    assertThat(p.args().operands()).containsExactly("web");
  }

  @Test
  void aVerbsOwnShortName_shadowsTheGlobalOne() {
    ArgParser.Parsed p = parse("-f", "a.yaml", "logs", "-f", "web");
    assertThat(p.args().all(FILE)).containsExactly("a.yaml");
    assertThat(p.args().has(FOLLOW)).isTrue();
  }

  @Test
  void shortFlags_cluster_andTakeAttachedValues() {
    ArgParser.Parsed p = parse("up", "-dt5");
    assertThat(p.args().has(DETACH)).isTrue();
    assertThat(p.args().integer(TIMEOUT)).isEqualTo(5);
    assertThat(parse("up", "-t=7").args().integer(TIMEOUT)).isEqualTo(7);
    assertThat(parse("up", "-t", "-1").args().integer(TIMEOUT)).isEqualTo(-1);
  }

  @Test
  void flags_takeTrueOrFalse_lastOneWins() {
    assertThat(parse("up", "-d", "--detach=false").args().has(DETACH)).isFalse();
    assertThatThrownBy(() -> parse("up", "--detach=yes"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--detach");
  }

  @Test
  void afterTheService_everyWordIsTheCommand_optionsIncluded() {
    ArgParser.Parsed p = parse("run", "-T", "web", "sh", "-c", "echo -d", "--", "-f");
    assertThat(p.args().operands()).containsExactly("web", "sh", "-c", "echo -d", "--", "-f");
    assertThat(p.args().has(NO_TTY)).isTrue();
    assertThat(p.args().has(DETACH)).isFalse();
  }

  @Test
  void implicitValue_whenGivenAlone() {
    assertThat(parse("run", "-i", "web").args().get(INTERACTIVE)).isEqualTo("true");
    assertThat(parse("run", "-i=false", "web").args().get(INTERACTIVE)).isEqualTo("false");
    assertThat(parse("run", "web").args().get(INTERACTIVE)).isNull();
  }

  @Test
  void doubleDash_endsOptions() {
    assertThat(parse("up", "--", "-d").args().operands()).containsExactly("-d");
  }

  @Test
  void groups_descendIntoTheirSubverbs() {
    assertThat(parse("volume", "ls").command().spec()).isEqualTo(LS);
    assertThat(parse("volume").command().spec()).isEqualTo(VOLUME);
  }

  @Test
  void help_anywhereBeforeTheCommand_asksForTheVerbsHelp() {
    ArgParser.Parsed p = parse("-p", "x", "up", "--help");
    assertThat(p.help()).isTrue();
    assertThat(p.command().spec()).isEqualTo(UP);
    assertThat(parse("run", "web", "--help").help()).isFalse();
  }

  @Test
  void errors_nameTheVerbAndTheWord() {
    assertThatThrownBy(() -> parse("up", "--nope"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown flag: --nope");
    assertThatThrownBy(() -> parse("up", "-x"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown shorthand flag: 'x' in -x");
    assertThatThrownBy(() -> parse("up", "-t"))
        .isInstanceOf(UsageException.class)
        .hasMessage("flag needs an argument: -t");
    assertThatThrownBy(() -> parse("nope"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown command \"nope\" for \"jcompose\"");
    assertThatThrownBy(() -> parse("run"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("requires at least 1 argument");
    assertThatThrownBy(() -> parse("volume", "ls", "extra"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unexpected argument \"extra\" for \"jcompose volume ls\"");
    assertThatThrownBy(() -> parse("up", "-t", "soon").args().integer(TIMEOUT))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--timeout");
  }

  @Test
  void help_listsOptionsWithTheirValues() {
    String help = Help.of(RUN, List.of(), java.util.Map.of());
    assertThat(help)
        .startsWith("Usage:  jcompose run [OPTIONS] SERVICE [COMMAND...]\n\nrun\n\nOptions:\n")
        .contains("  -i[=BOOL]   ")
        .contains("  -h, --help  ");
  }
}
