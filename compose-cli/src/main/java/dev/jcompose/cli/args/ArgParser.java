package dev.jcompose.cli.args;

import java.util.List;

/**
 * Parses a command line the way docker compose's (cobra and pflag) does: global options before or
 * after the verb, a verb's own option shadowing a global one of the same name ({@code logs -f} is
 * --follow), {@code --name=value} and {@code --name value}, clustered short flags ({@code -dT}), a
 * short option's value attached ({@code -t5}) or next, {@code --} ending the options, and for
 * {@code run}/{@code exec} everything after the service taken as the container's command.
 */
public final class ArgParser {
  private final List<Opt> globals;

  /** {@code globals}: the options every verb accepts too (the project flags). */
  public ArgParser(List<Opt> globals) {
    this.globals = globals;
  }

  /** The outcome: the command to run (the deepest verb named) and its arguments. */
  public record Parsed(Command command, Args args, boolean help) {}

  public Parsed parse(Command root, String... argv) {
    Command current = root;
    Args args = new Args(root.spec());
    boolean optionsEnded = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      VerbSpec spec = current.spec();
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && a.length() > 1 && a.startsWith("-")) {
        if (a.equals("-h") || a.equals("--help")) {
          return new Parsed(current, args, true);
        }
        i = option(spec, args, argv, i);
      } else if (!spec.subverbs().isEmpty() || spec.path().isEmpty()) {
        Command child = current.child(a);
        if (child == null) {
          throw new UsageException(
              spec, "unknown command \"" + a + "\" for \"" + spec.qualifiedName() + "\"");
        }
        current = child;
        args.verb(child.spec());
      } else {
        args.operand(a);
        if (spec.rawAfter() >= 0 && args.operands().size() == spec.rawAfter()) {
          for (int j = i + 1; j < argv.length; j++) {
            args.operand(argv[j]);
          }
          break;
        }
      }
    }
    check(current.spec(), args);
    return new Parsed(current, args, false);
  }

  private static void check(VerbSpec spec, Args args) {
    int n = args.operands().size();
    if (n < spec.minOperands()) {
      throw new UsageException(
          spec,
          "\""
              + spec.qualifiedName()
              + "\" requires at least "
              + spec.minOperands()
              + (spec.minOperands() == 1 ? " argument" : " arguments")
              + ": "
              + spec.operands());
    }
    if (spec.maxOperands() >= 0 && n > spec.maxOperands()) {
      throw new UsageException(
          spec,
          "unexpected argument \""
              + args.operands().get(spec.maxOperands())
              + "\" for \""
              + spec.qualifiedName()
              + "\"");
    }
  }

  /** Reads the option at {@code argv[i]}; returns the index of the last word it used. */
  private int option(VerbSpec spec, Args args, String[] argv, int i) {
    String a = argv[i];
    if (a.startsWith("--")) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      String inline = eq < 0 ? null : a.substring(eq + 1);
      Opt opt = find(spec, name);
      if (opt == null) {
        throw new UsageException(spec, "unknown flag: " + name);
      }
      return take(spec, args, opt, name, inline, argv, i);
    }
    for (int c = 1; c < a.length(); c++) {
      String name = "-" + a.charAt(c);
      Opt opt = find(spec, name);
      if (opt == null) {
        throw new UsageException(spec, "unknown shorthand flag: '" + a.charAt(c) + "' in " + a);
      }
      if (opt.isFlag() && (c + 1 >= a.length() || a.charAt(c + 1) != '=')) {
        args.add(opt, "true");
        continue;
      }
      String rest = a.substring(c + 1);
      if (rest.startsWith("=")) {
        rest = rest.substring(1);
      }
      return take(spec, args, opt, name, rest.isEmpty() ? null : rest, argv, i);
    }
    return i;
  }

  private static int take(
      VerbSpec spec, Args args, Opt opt, String name, String inline, String[] argv, int i) {
    if (opt.isFlag()) {
      if (inline != null && !inline.equals("true") && !inline.equals("false")) {
        throw new UsageException(
            spec,
            "invalid argument \"" + inline + "\" for \"" + name + "\" flag: use true or false");
      }
      args.add(opt, inline == null ? "true" : inline);
      return i;
    }
    if (inline != null) {
      args.add(opt, inline);
      return i;
    }
    if (opt.implicitValue() != null) {
      args.add(opt, opt.implicitValue());
      return i;
    }
    if (i + 1 >= argv.length) {
      throw new UsageException(spec, "flag needs an argument: " + name);
    }
    args.add(opt, argv[i + 1]);
    return i + 1;
  }

  private Opt find(VerbSpec spec, String name) {
    Opt own = spec.find(name);
    if (own != null) {
      return own;
    }
    for (Opt g : globals) {
      if (g.names().contains(name)) {
        return g;
      }
    }
    return null;
  }
}
