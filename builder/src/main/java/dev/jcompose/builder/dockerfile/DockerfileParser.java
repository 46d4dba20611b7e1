package dev.jcompose.builder.dockerfile;

import dev.jcompose.builder.api.BuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfile text to {@link Node}s, line for line as BuildKit's {@code frontend/dockerfile/parser}
 * reads it: parser directives at the top, whole-line comments dropped (also between continued
 * lines), the escape token continuing a line, empty continuation lines skipped, here-documents read
 * after the line that opens them. Errors name the file and line.
 */
public final class DockerfileParser {
  private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
  private final String file;

  private DockerfileParser(String file) {
    this.file = file;
  }

  /** The parse result: instructions in order, the escape token, the syntax directive, warnings. */
  public record Dockerfile(
      String file, List<Node> nodes, char escape, String syntax, List<String> warnings) {}

  /**
   * Parses a Dockerfile's text into its nodes, directives and warnings.
   *
   * @param file the name errors give, e.g. {@code Dockerfile}
   */
  public static Dockerfile parse(String file, String text) {
    return new DockerfileParser(file).run(Lines.of(text));
  }

  private Dockerfile run(Lines lines) {
    Directives d = new Directives();
    List<Node> nodes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    while (lines.hasNext()) {
      String raw = lines.next();
      int start = lines.number();
      String stripped = raw.stripLeading();
      directive(d, stripped, start);
      String line = isComment(stripped) ? "" : stripped;
      String cont = d.continued(line);
      if (cont == null && line.isEmpty()) {
        continue;
      }
      StringBuilder full = new StringBuilder(cont == null ? line : cont);
      boolean emptyContinuation = false;
      while (cont != null && lines.hasNext()) {
        String next = lines.next();
        directive(d, next, lines.number());
        if (isComment(next.stripLeading())) {
          continue;
        }
        if (next.isBlank()) {
          emptyContinuation = true;
          continue;
        }
        cont = d.continued(next);
        full.append(cont == null ? next : cont);
      }
      if (emptyContinuation) {
        warnings.add(
            file
                + ":"
                + start
                + ": empty continuation line (will become an error in a future Dockerfile syntax)");
      }
      Node node = node(full.toString(), d.escape, start).at(start, lines.number());
      if (node.canContainHeredoc()) {
        node = readHeredocs(node, full.toString(), lines, start);
      }
      nodes.add(node);
    }
    if (nodes.isEmpty()) {
      throw BuildException.at(file, Math.max(1, lines.number()), "file with no instructions");
    }
    return new Dockerfile(file, List.copyOf(nodes), d.escape, d.syntax, List.copyOf(warnings));
  }

  private void directive(Directives d, String line, int number) {
    String error = d.offer(line);
    if (error != null) {
      throw BuildException.at(file, number, error);
    }
  }

  private static boolean isComment(String strippedLine) {
    return strippedLine.startsWith("#");
  }

  private Node node(String line, char escape, int lineNumber) {
    String[] cmd = LineParsers.WHITESPACE.split(line.strip(), 2);
    String keyword = cmd[0].toLowerCase(Locale.ROOT);
    FlagSplitter.Split split = FlagSplitter.split(cmd.length == 2 ? cmd[1] : "");
    String rest = split.rest().strip();
    try {
      if (keyword.equals("onbuild")) {
        Node sub = rest.isEmpty() ? null : node(rest, escape, lineNumber);
        return new Node(
            keyword,
            split.flags(),
            rest.isEmpty() ? List.of() : List.of(rest),
            false,
            List.of(),
            sub,
            line,
            lineNumber,
            lineNumber);
      }
      LineParsers.Args args = LineParsers.parse(keyword, rest, escape);
      return new Node(
          keyword,
          split.flags(),
          args.values(),
          args.json(),
          List.of(),
          null,
          line,
          lineNumber,
          lineNumber);
    } catch (LineParsers.ArgsException e) {
      throw BuildException.at(file, lineNumber, e.getMessage());
    }
  }

  private Node readHeredocs(Node node, String line, Lines lines, int start) {
    List<Heredoc> docs = new ArrayList<>();
    for (Heredoc doc : heredocsIn(line)) {
      StringBuilder body = new StringBuilder();
      boolean terminated = false;
      while (lines.hasNext()) {
        String raw = lines.next();
        String candidate = doc.chomp() ? raw.replaceFirst("^\t+", "") : raw;
        if (candidate.equals(doc.name())) {
          terminated = true;
          break;
        }
        body.append(raw).append(lines.terminator());
      }
      if (!terminated) {
        throw BuildException.at(file, start, "unterminated heredoc");
      }
      docs.add(doc.withContent(body.toString()));
    }
    return node.withHeredocs(docs, lines.number());
  }

  /** The heredocs a line opens, in order, bodies still empty. */
  static List<Heredoc> heredocsIn(String line) {
    List<String> words;
    try {
      words =
          new ShellLex('\\')
              .rawQuotes()
              .rawEscapes()
              .skipUnsetEnv()
              .process(line, Map.of())
              .words();
    } catch (ShellLex.LexException e) {
      return List.of();
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String word : words) {
      Heredoc doc = heredoc(word);
      if (doc != null) {
        docs.add(doc);
      }
    }
    return docs;
  }

  /** A heredoc word like {@code <<EOF}, {@code 3<<-'END'}; null if the word is not one. */
  public static Heredoc heredoc(String word) {
    Matcher m = HEREDOC.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return null;
    }
    ShellLex lex = new ShellLex('\\').skipUnsetEnv();
    List<String> plain = lex.process(m.group(3), Map.of()).words();
    if (plain.size() != 1) {
      return null;
    }
    List<String> raw = lex.rawQuotes().process(m.group(3), Map.of()).words();
    // a quoted delimiter (any part of it) means a literal body, as in sh
    boolean expand = quotes(plain.get(0)) == quotes(raw.get(0));
    int fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
    return new Heredoc(plain.get(0), fd, expand, m.group(2).equals("-"), "");
  }

  private static long quotes(String s) {
    return s.chars().filter(c -> c == '\'' || c == '"').count();
  }

  /** The physical lines of the text, their numbers (1-based) and line terminators. */
  private static final class Lines {
    private final String text;
    private int pos;
    private int number;
    private String terminator = "";

    private Lines(String text) {
      this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static Lines of(String text) {
      return new Lines(text);
    }

    boolean hasNext() {
      return pos < text.length();
    }

    /** The next line without its terminator (a trailing "\r" is dropped too). */
    String next() {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(pos, end);
      terminator = nl < 0 ? "" : "\n";
      pos = nl < 0 ? text.length() : nl + 1;
      number++;
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    int number() {
      return number;
    }

    String terminator() {
      return terminator;
    }
  }
}
