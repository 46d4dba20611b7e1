package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.option.ProjectOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One command's man page in troff (man(7) macros): NAME, SYNOPSIS, DESCRIPTION, OPTIONS (the
 * command's own, then the global ones it inherits) and, for a command with subcommands, COMMANDS
 * with their {@code jcompose-X-Y(1)} pages.
 */
final class ManPages {
  private ManPages() {}

  static String page(VerbSpec c, String page) {
    StringBuilder sb = header(page, c.description());
    sb.append(".SH SYNOPSIS\n.B ").append(escape(page.replace('-', ' '))).append('\n');
    if (!c.options().isEmpty()) {
      sb.append("[\\fIOPTIONS\\fR] ");
    }
    if (!c.subverbs().isEmpty()) {
      sb.append("\\fICOMMAND\\fR ");
    }
    if (!c.operands().isEmpty()) {
      sb.append("\\fI").append(escape(c.operands())).append("\\fR");
    }
    sb.append("\n.SH DESCRIPTION\n").append(escape(c.description())).append('\n');
    options(sb, c.options(), "OPTIONS");
    options(sb, ProjectOptions.GLOBALS, "GLOBAL OPTIONS");
    if (!c.subverbs().isEmpty()) {
      sb.append(".SH COMMANDS\n");
      c.subverbs()
          .forEach(
              (name, d) ->
                  sb.append(".TP\n\\fB")
                      .append(escape(name))
                      .append("\\fR\n")
                      .append(escape(d))
                      .append(" See \\fB")
                      .append(escape(page + "-" + name))
                      .append("\\fR(1).\n"));
    }
    sb.append(".SH SEE ALSO\n\\fBjcompose\\fR(1)\n");
    return sb.toString();
  }

  /** The page of {@code jcompose} itself: the verbs with their pages, the global options. */
  static String root(Map<String, Command> verbs) {
    StringBuilder sb = header("jcompose", "Define and run multi-container applications");
    sb.append(".SH SYNOPSIS\n.B jcompose\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR\n");
    options(sb, ProjectOptions.GLOBALS, "OPTIONS");
    sb.append(".SH COMMANDS\n");
    verbs.forEach(
        (name, c) ->
            sb.append(".TP\n\\fB")
                .append(escape(name))
                .append("\\fR\n")
                .append(escape(c.spec().description()))
                .append(" See \\fB")
                .append(escape("jcompose-" + name))
                .append("\\fR(1).\n"));
    sb.append(".SH SEE ALSO\ndocker-compose(1)\n");
    return sb.toString();
  }

  private static StringBuilder header(String page, String description) {
    StringBuilder sb = new StringBuilder();
    sb.append(".TH \"")
        .append(page.toUpperCase(Locale.ROOT))
        .append("\" 1 \"\" \"jcompose\" \"jcompose Manual\"\n");
    sb.append(".SH NAME\n")
        .append(escape(page.replace('-', ' ')))
        .append(" \\- ")
        .append(escape(description))
        .append('\n');
    return sb;
  }

  private static void options(StringBuilder sb, List<Opt> options, String title) {
    if (options.stream().allMatch(Opt::hidden)) {
      return;
    }
    sb.append(".SH ").append(title).append('\n');
    for (Opt o : options) {
      if (!o.hidden()) {
        sb.append(".TP\n\\fB").append(escape(String.join(", ", o.names()))).append("\\fR");
        if (!o.isFlag()) {
          sb.append(" \\fI").append(escape(o.label())).append("\\fR");
        }
        sb.append('\n').append(escape(o.help())).append('\n');
      }
    }
  }

  /** Backslashes doubled, a leading dot or quote guarded, hyphens made minus signs (man(7)). */
  static String escape(String s) {
    String e = s.replace("\\", "\\\\").replace("-", "\\-");
    return e.lines()
        .map(l -> l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l)
        .collect(Collectors.joining("\n"));
  }
}
