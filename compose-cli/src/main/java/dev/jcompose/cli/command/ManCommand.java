package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code jcompose man [--dir DIR]}: writes a man page per command ({@code jcompose.1}, {@code
 * jcompose-up.1}, {@code jcompose-image-save.1}...) into DIR, by default {@code
 * /usr/local/share/man/man1}, so {@code man jcompose-up} works. The pages are made from the same
 * specs as {@code --help} ({@link ManPages}).
 */
public final class ManCommand implements Command {
  private static final Opt DIR = Opt.value("DIR", "Directory to write the pages to", "--dir");
  private static final VerbSpec SPEC =
      VerbSpec.of("Install the man pages of every command", "man").options(DIR).build();
  private final Supplier<Map<String, Command>> verbs;

  public ManCommand(Supplier<Map<String, Command>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) throws IOException {
    Path dir = Path.of(args.get(DIR, "/usr/local/share/man/man1"));
    Files.createDirectories(dir);
    Map<String, Command> all = verbs.get();
    write(dir, "jcompose", ManPages.root(all));
    for (Map.Entry<String, Command> e : all.entrySet()) {
      if (!e.getKey().equals("help")) {
        writeVerb(dir, "jcompose-" + e.getKey(), e.getValue());
      }
    }
    Invocation.current().out().flush();
    return 0;
  }

  private static void writeVerb(Path dir, String page, Command c) throws IOException {
    write(dir, page, ManPages.page(c.spec(), page));
    for (String sub : c.spec().subverbs().keySet()) {
      Command child = c.child(sub);
      if (child != null) {
        writeVerb(dir, page + "-" + sub, child);
      }
    }
  }

  private static void write(Path dir, String page, String text) throws IOException {
    Path file = dir.resolve(page + ".1");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Invocation.current().out().println(file);
  }
}
