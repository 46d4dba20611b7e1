package dev.jcompose.builder.dockerfile;

import java.util.List;

/**
 * One instruction as the line parser leaves it (BuildKit's AST node): the keyword in lower case,
 * the leading {@code --flags} as written, the arguments split by the keyword's own rule, and where
 * it came from. ENV and LABEL arguments come in triples (key, value, "=" or "" for the old
 * space-separated form); ONBUILD carries its trigger as {@link #sub}.
 *
 * @param json the arguments were a JSON array (exec form)
 */
public record Node(
    String keyword,
    List<String> flags,
    List<String> args,
    boolean json,
    List<Heredoc> heredocs,
    Node sub,
    String original,
    int startLine,
    int endLine) {

  Node withHeredocs(List<Heredoc> docs, int end) {
    return new Node(keyword, flags, args, json, List.copyOf(docs), sub, original, startLine, end);
  }

  Node at(int start, int end) {
    Node s = sub == null ? null : sub.at(start, end);
    return new Node(keyword, flags, args, json, heredocs, s, original, start, end);
  }

  /** RUN, COPY and ADD in shell form may carry heredocs, also as an ONBUILD trigger. */
  boolean canContainHeredoc() {
    Node n = keyword.equals("onbuild") && sub != null ? sub : this;
    return (n.keyword.equals("run") || n.keyword.equals("copy") || n.keyword.equals("add"))
        && !n.json;
  }
}
