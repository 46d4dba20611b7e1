package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The help text of a verb, laid out as docker compose's: usage, description, options, commands. */
public final class Help {
  private static final Opt HELP = Opt.flag("Show this help message and exit.", "-h", "--help");

  private Help() {}

  /** {@code globals} are listed for the root only; {@code commands} name to description. */
  public static String of(VerbSpec spec, List<Opt> globals, Map<String, String> commands) {
    StringBuilder b = new StringBuilder();
    boolean root = spec.path().isEmpty();
    b.append("Usage:  ").append(spec.qualifiedName());
    List<Opt> options = new ArrayList<>();
    if (root) {
      options.addAll(globals);
    }
    options.addAll(spec.options());
    options.add(HELP);
    b.append(" [OPTIONS]");
    if (!commands.isEmpty()) {
      b.append(" COMMAND");
    } else if (!spec.operands().isEmpty()) {
      b.append(' ').append(spec.operands());
    }
    b.append("\n\n").append(spec.description()).append("\n\nOptions:\n");
    List<String[]> rows = new ArrayList<>();
    for (Opt o : options) {
      if (!o.hidden()) {
        rows.add(new String[] {names(o), o.help()});
      }
    }
    table(b, rows);
    if (!commands.isEmpty()) {
      b.append("\nCommands:\n");
      List<String[]> cmds = new ArrayList<>();
      commands.forEach((name, help) -> cmds.add(new String[] {name, help}));
      table(b, cmds);
      b.append("\nRun '")
          .append(spec.qualifiedName())
          .append(" COMMAND --help' for more information on a command.\n");
    }
    return b.toString();
  }

  private static String names(Opt o) {
    StringBuilder b = new StringBuilder();
    boolean hasShort = o.names().get(0).length() == 2;
    if (!hasShort) {
      b.append("    ");
    }
    b.append(String.join(", ", o.names()));
    if (!o.isFlag()) {
      b.append(o.implicitValue() != null ? "[=" + o.label() + "]" : " " + o.label());
    }
    return b.toString();
  }

  private static void table(StringBuilder b, List<String[]> rows) {
    int width = 0;
    for (String[] r : rows) {
      width = Math.max(width, r[0].length());
    }
    for (String[] r : rows) {
      b.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + 3)).append(r[1]);
      b.append('\n');
    }
  }
}
