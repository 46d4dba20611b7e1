package dev.jcompose.runtime.seccomp;

import dev.jcompose.runtime.seccomp.ArgCondition.Op;
import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads jcompose's own rule format (the header of {@code /seccomp/docker-default.rules} describes
 * it): one statement per line, continuation lines start with blanks, {@code #} starts a comment.
 * Errors name the statement's line.
 */
final class ProfileText {
  private static final Map<String, Integer> ERRNOS =
      Map.of(
          "EPERM", SeccompAction.EPERM, "ENOSYS", SeccompAction.ENOSYS, "EACCES", 13, "EINVAL", 22);
  private static final Pattern COMMENT = Pattern.compile("#.*");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Map<String, Op> OPS =
      Map.of("==", Op.EQ, "!=", Op.NE, "<", Op.LT, "<=", Op.LE, ">", Op.GT, ">=", Op.GE);

  private SeccompAction defaultAction;
  private final Map<SeccompArch, List<SeccompArch>> archMap = new LinkedHashMap<>();
  private final List<SeccompRule> rules = new ArrayList<>();

  private ProfileText() {}

  static SeccompProfile parse(String text) {
    ProfileText p = new ProfileText();
    for (Statement s : statements(text)) {
      try {
        p.statement(new Tokens(s.words()));
      } catch (ProfileException | IndexOutOfBoundsException | NumberFormatException e) {
        throw new ProfileException(
            "line "
                + s.line()
                + ": "
                + (e instanceof ProfileException ? e.getMessage() : "incomplete statement"));
      }
    }
    if (p.defaultAction == null) {
      throw new ProfileException("no `default` statement");
    }
    return new SeccompProfile(p.defaultAction, p.archMap, List.of(), p.rules);
  }

  private record Statement(int line, List<String> words) {}

  private static List<Statement> statements(String text) {
    List<Statement> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = COMMENT.matcher(lines[i]).replaceFirst("");
      if (line.isBlank()) {
        continue;
      }
      List<String> words = List.of(BLANKS.split(line.trim()));
      if (Character.isWhitespace(line.charAt(0)) && !out.isEmpty()) {
        out.get(out.size() - 1).words().addAll(words);
      } else {
        out.add(new Statement(i + 1, new ArrayList<>(words)));
      }
    }
    return out;
  }

  private void statement(Tokens t) {
    String first = t.next();
    switch (first) {
      case "default" -> defaultAction = action(t.next(), t);
      case "arch" -> arch(t);
      default -> rule(action(first, t), t);
    }
  }

  private void arch(Tokens t) {
    String head = t.next();
    SeccompArch main = known(head.endsWith(":") ? head.substring(0, head.length() - 1) : head);
    List<SeccompArch> subs = new ArrayList<>();
    while (t.more()) {
      SeccompArch.byName(t.next()).ifPresent(subs::add);
    }
    archMap.put(main, subs);
  }

  private static SeccompArch known(String name) {
    return SeccompArch.byName(name)
        .orElseThrow(() -> new ProfileException("unknown architecture " + name));
  }

  private static SeccompAction action(String word, Tokens t) {
    return switch (word) {
      case "allow" -> SeccompAction.ALLOW;
      case "errno" -> SeccompAction.errno(errno(t.next()));
      case "kill" -> new SeccompAction(SeccompAction.Kind.KILL_THREAD, 0);
      case "kill-process" -> new SeccompAction(SeccompAction.Kind.KILL_PROCESS, 0);
      case "trap" -> new SeccompAction(SeccompAction.Kind.TRAP, 0);
      case "log" -> new SeccompAction(SeccompAction.Kind.LOG, 0);
      default -> throw new ProfileException("unknown action or statement \"" + word + "\"");
    };
  }

  private static int errno(String word) {
    Integer n = ERRNOS.get(word);
    return n != null ? n : Integer.parseInt(word);
  }

  private void rule(SeccompAction action, Tokens t) {
    List<String> names = new ArrayList<>();
    while (t.more() && !t.peekKeyword()) {
      names.add(t.next());
    }
    List<ArgCondition> args = new ArrayList<>();
    RuleFilter includes = RuleFilter.NONE;
    RuleFilter excludes = RuleFilter.NONE;
    while (t.more()) {
      switch (t.next()) {
        case "if", "and" -> args.add(condition(t));
        case "when" -> includes = merge(includes, filter(t));
        case "unless" -> excludes = merge(excludes, filter(t));
        default -> throw new ProfileException("expected if, and, when or unless");
      }
    }
    rules.add(new SeccompRule(names, action, args, includes, excludes));
  }

  /** {@code arg<i> <op> <value>} or {@code arg<i> & <mask> == <value>}. */
  private static ArgCondition condition(Tokens t) {
    String arg = t.next();
    if (!arg.matches("arg[0-5]")) {
      throw new ProfileException("expected arg0..arg5, got " + arg);
    }
    int index = arg.charAt(3) - '0';
    String op = t.next();
    if (op.equals("&")) {
      long mask = number(t.next());
      t.expect("==");
      return new ArgCondition(index, Op.MASKED_EQ, mask, number(t.next()));
    }
    Op parsed = OPS.get(op);
    if (parsed == null) {
      throw new ProfileException("unknown comparison " + op);
    }
    return new ArgCondition(index, parsed, number(t.next()), 0);
  }

  private static RuleFilter filter(Tokens t) {
    String kind = t.next();
    List<String> values = new ArrayList<>();
    while (t.more() && !t.peekKeyword()) {
      values.add(t.next());
    }
    return switch (kind) {
      case "cap" -> new RuleFilter(values, List.of(), null);
      case "arch" -> new RuleFilter(List.of(), values, null);
      case "kernel" ->
          new RuleFilter(List.of(), List.of(), KernelVersion.parse(String.join(" ", values)));
      default -> throw new ProfileException("unknown filter " + kind + " (cap, arch or kernel)");
    };
  }

  private static RuleFilter merge(RuleFilter a, RuleFilter b) {
    List<String> caps = new ArrayList<>(a.caps());
    caps.addAll(b.caps());
    List<String> arches = new ArrayList<>(a.arches());
    arches.addAll(b.arches());
    return new RuleFilter(caps, arches, b.minKernel() != null ? b.minKernel() : a.minKernel());
  }

  private static long number(String word) {
    return word.startsWith("0x")
        ? Long.parseUnsignedLong(word.substring(2), 16)
        : Long.parseUnsignedLong(word);
  }

  /** A cursor over one statement's words. */
  private static final class Tokens {
    private static final List<String> KEYWORDS = List.of("if", "and", "when", "unless");
    private final List<String> words;
    private int pos;

    Tokens(List<String> words) {
      this.words = words;
    }

    boolean more() {
      return pos < words.size();
    }

    String next() {
      return words.get(pos++);
    }

    boolean peekKeyword() {
      return KEYWORDS.contains(words.get(pos));
    }

    void expect(String word) {
      if (!next().equals(word)) {
        throw new ProfileException("expected " + word);
      }
    }
  }
}
