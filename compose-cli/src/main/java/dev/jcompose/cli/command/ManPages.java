package dev.jcompose.cli.command;

import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One command's man page in troff (man(7) macros): NAME, SYNOPSIS, DESCRIPTION, OPTIONS (the
 * command's own, then the global ones it inherits) and, for a command with subcommands, COMMANDS
 * with their {@code jcompose-X-Y(1)} pages.
 */
final class ManPages {
  private ManPages() {}

  static String page(CommandSpec c, String page) {
    StringBuilder sb = new StringBuilder();
    sb.append(".TH \"")
        .append(page.toUpperCase(Locale.ROOT))
        .append("\" 1 \"\" \"jcompose\" \"jcompose Manual\"\n");
    sb.append(".SH NAME\n")
        .append(escape(page.replace('-', ' ')))
        .append(" \\- ")
        .append(escape(first(c)))
        .append('\n');
    sb.append(".SH SYNOPSIS\n.B ").append(escape(page.replace('-', ' '))).append('\n');
    if (!c.options().isEmpty()) {
      sb.append("[\\fIOPTIONS\\fR] ");
    }
    if (!c.subcommands().isEmpty()) {
      sb.append("\\fICOMMAND\\fR ");
    }
    for (PositionalParamSpec p : c.positionalParameters()) {
      if (!p.hidden()) {
        sb.append("\\fI")
            .append(escape(p.paramLabel()))
            .append("\\fR")
            .append(p.arity().max() > 1 ? "... " : " ");
      }
    }
    sb.append("\n.SH DESCRIPTION\n")
        .append(escape(String.join(" ", c.usageMessage().description())))
        .append('\n');
    if (!c.options().isEmpty()) {
      sb.append(".SH OPTIONS\n");
      for (OptionSpec o : c.options()) {
        if (!o.hidden()) {
          sb.append(".TP\n\\fB").append(escape(String.join(", ", o.names()))).append("\\fR");
          if (!o.typeInfo().isBoolean()) {
            sb.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
          }
          sb.append('\n').append(escape(String.join(" ", o.description()))).append('\n');
        }
      }
    }
    if (!c.subcommands().isEmpty()) {
      sb.append(".SH COMMANDS\n");
      c.subcommands()
          .forEach(
              (name, sub) -> {
                if (name.equals(sub.getCommandName())
                    && !sub.getCommandSpec().usageMessage().hidden()) {
                  sb.append(".TP\n\\fB")
                      .append(escape(name))
                      .append("\\fR\n")
                      .append(escape(first(sub.getCommandSpec())))
                      .append(" See \\fB")
                      .append(escape(page + "-" + name))
                      .append("\\fR(1).\n");
                }
              });
    }
    sb.append(".SH SEE ALSO\n")
        .append(
            c.subcommands().isEmpty() && !page.equals("jcompose")
                ? "\\fBjcompose\\fR(1)\n"
                : "docker-compose(1)\n");
    return sb.toString();
  }

  private static String first(CommandSpec c) {
    String[] d = c.usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  /** Backslashes doubled, a leading dot or quote guarded, hyphens made minus signs (man(7)). */
  static String escape(String s) {
    String e = s.replace("\\", "\\\\").replace("-", "\\-");
    return e.lines()
        .map(l -> l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l)
        .collect(Collectors.joining("\n"));
  }
}
