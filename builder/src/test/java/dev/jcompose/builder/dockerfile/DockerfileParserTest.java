package dev.jcompose.builder.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.DockerfileParser.Dockerfile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  /** One line per node: lines, keyword, flags, args (quoted), json marker, heredocs. */
  private static String dump(String text) {
    Dockerfile d = DockerfileParser.parse("Dockerfile", text);
    return d.nodes().stream().map(DockerfileParserTest::dump).collect(Collectors.joining("\n"));
  }

  private static String dump(Node n) {
    StringBuilder s = new StringBuilder(n.startLine() + "-" + n.endLine() + " " + n.keyword());
    n.flags().forEach(f -> s.append(" [").append(f).append(']'));
    n.args().forEach(a -> s.append(" \"").append(a).append('"'));
    if (n.json()) {
      s.append(" (json)");
    }
    n.heredocs()
        .forEach(
            h ->
                s.append(" <<")
                    .append(h.name())
                    .append(h.expand() ? "" : "(literal)")
                    .append(h.chomp() ? "(chomp)" : "")
                    .append("=")
                    .append(h.content().replace("\n", "\\n").replace("\t", "\\t")));
    if (n.sub() != null) {
      s.append(" {").append(dump(n.sub()).substring(dump(n.sub()).indexOf(' ') + 1)).append('}');
    }
    return s.toString();
  }

  @Test
  void parse_continuationsJoinLinesKeepingInnerWhitespaceAndSkippingComments() {
    String text = "FROM busybox\nRUN echo a \\\n# a comment inside\n    b \\\n\n  c\n";
    assertThat(dump(text)).isEqualTo("1-1 from \"busybox\"\n2-6 run \"echo a     b   c\"");
  }

  @Test
  void parse_escapedEscapeAtEndDoesNotContinue() {
    assertThat(dump("FROM x\nRUN echo \\\\\nENV A=1\n"))
        .isEqualTo("1-1 from \"x\"\n2-2 run \"echo \\\\\"\n3-3 env \"A\" \"1\" \"=\"");
  }

  @Test
  void parse_execAndShellForms() {
    String text =
        "FROM x\nCMD [\"a\", \"b c\"]\nCMD ['a']\nENTRYPOINT [ \"x\" ] \nRUN [\"a\"] junk\n";
    assertThat(dump(text))
        .isEqualTo(
            "1-1 from \"x\"\n2-2 cmd \"a\" \"b c\" (json)\n3-3 cmd \"['a']\"\n"
                + "4-4 entrypoint \"x\" (json)\n5-5 run \"[\"a\"] junk\"");
  }

  @Test
  void parse_jsonArrayOfNonStringsIsAnError() {
    assertThatThrownBy(() -> dump("FROM x\nCMD [\"a\", 1]\n"))
        .isInstanceOf(BuildException.class)
        .hasMessage(
            "Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only");
  }

  @Test
  void parse_flagsAreSplitFromArguments() {
    assertThat(
            dump("FROM --platform=linux/amd64 x AS b\nCOPY --from=b --chown=\"1:2\" --link a b/\n"))
        .isEqualTo(
            "1-1 from [--platform=linux/amd64] \"x\" \"AS\" \"b\"\n2-2 copy [--from=b] [--chown=1:2] [--link] \"a\" \"b/\"");
  }

  @Test
  void parse_envAndLabelOldAndNewForms() {
    assertThat(dump("FROM x\nENV A b c\nENV B=\"x y\" C=z\\ w\nLABEL \"k\"=v\n"))
        .isEqualTo(
            "1-1 from \"x\"\n"
                + "2-2 env \"A\" \"b c\" \"\"\n3-3 env \"B\" \"\"x y\"\" \"=\" \"C\" \"z\\ w\" \"=\"\n4-4 label \"\"k\"\" \"v\" \"=\"");
  }

  @Test
  void parse_escapeDirectiveChangesContinuationAndQuoting() {
    String text = "# escape=`\nFROM x\nRUN dir c:\\ `\n  && echo\n";
    Dockerfile d = DockerfileParser.parse("Dockerfile", text);
    assertThat(d.escape()).isEqualTo('`');
    assertThat(dump(text)).isEqualTo("2-2 from \"x\"\n3-4 run \"dir c:\\   && echo\"");
  }

  @Test
  void parse_directivesOnlyCountAtTheTop() {
    Dockerfile d =
        DockerfileParser.parse(
            "Dockerfile", "# syntax=docker/dockerfile:1\n#escape=\\\n\n# escape=`\nFROM x\n");
    assertThat(d.syntax()).isEqualTo("docker/dockerfile:1");
    assertThat(d.escape()).isEqualTo('\\');
    assertThatThrownBy(
            () -> DockerfileParser.parse("Dockerfile", "# escape=`\n# escape=\\\nFROM x\n"))
        .hasMessage("Dockerfile:2: only one escape parser directive can be used");
    assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "# escape=x\nFROM x\n"))
        .hasMessage("Dockerfile:1: invalid escape token 'x' does not match ` or \\");
  }

  @Test
  void parse_heredocsAreReadAfterTheirLine() {
    String text =
        "FROM x\nRUN <<EOF\necho $A\n\tdone\nEOF\nRUN <<-'END' cat > /f\n\tliteral $A\n\tEND\nCOPY <<one <<\"two\" /dst/\n1\none\n2\ntwo\n";
    assertThat(dump(text))
        .isEqualTo(
            "1-1 from \"x\"\n"
                + "2-5 run \"<<EOF\" <<EOF=echo $A\\n\\tdone\\n\n"
                + "6-8 run \"<<-'END' cat > /f\" <<END(literal)(chomp)=\\tliteral $A\\n\n"
                + "9-13 copy \"<<one\" \"<<\"two\"\" \"/dst/\" <<one=1\\n <<two(literal)=2\\n");
  }

  @Test
  void parse_unterminatedHeredocIsAnError() {
    assertThatThrownBy(() -> dump("FROM x\nRUN <<EOF\necho\n"))
        .hasMessage("Dockerfile:2: unterminated heredoc");
  }

  @Test
  void parse_heredocInExecFormIsPlainText() {
    assertThat(dump("FROM x\nRUN [\"cat\", \"<<EOF\"]\nEOF\n"))
        .startsWith("1-1 from \"x\"\n2-2 run \"cat\" \"<<EOF\" (json)\n3-3 eof");
  }

  @Test
  void parse_onbuildCarriesItsTrigger() {
    assertThat(dump("FROM x\nONBUILD RUN echo hi\n"))
        .isEqualTo("1-1 from \"x\"\n2-2 onbuild \"RUN echo hi\" {run \"echo hi\"}");
  }

  @Test
  void parse_emptyFileIsAnError() {
    assertThatThrownBy(() -> dump("# only a comment\n\n"))
        .hasMessage("Dockerfile:2: file with no instructions");
  }

  @Test
  void parse_bomAndCrlfAreAccepted() {
    assertThat(dump("\uFEFFFROM x\r\nRUN a \\\r\n b\r\n"))
        .isEqualTo("1-1 from \"x\"\n2-3 run \"a  b\"");
  }
}
