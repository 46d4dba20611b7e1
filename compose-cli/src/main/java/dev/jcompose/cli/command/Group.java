package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.VerbSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * A verb that only groups sub-verbs ({@code image ls}, {@code engine stop}): its spec lists them in
 * the order given, with each one's own description, and {@link #child} makes the one named (or
 * aliased). Typed alone, a group does nothing: the CLI prints its help.
 */
abstract class Group implements Command {
  /**
   * A sub-verb: its spec (its name is the last word of the spec's path), how to make it, and other
   * names it answers to ({@code image list}) that help does not show.
   */
  record Sub(VerbSpec spec, Supplier<Command> make, List<String> aliases) {
    static Sub of(VerbSpec spec, Supplier<Command> make, String... aliases) {
      return new Sub(spec, make, List.of(aliases));
    }

    String name() {
      return spec.path().get(spec.path().size() - 1);
    }

    boolean answers(String word) {
      return name().equals(word) || aliases.contains(word);
    }
  }

  private final VerbSpec spec;
  private final List<Sub> subs;

  Group(String name, String description, List<Sub> subs) {
    VerbSpec.Builder b = VerbSpec.of(description, name);
    subs.forEach(s -> b.subverb(s.name(), s.spec().description()));
    this.spec = b.build();
    this.subs = List.copyOf(subs);
  }

  @Override
  public final VerbSpec spec() {
    return spec;
  }

  @Override
  public final Command child(String name) {
    for (Sub s : subs) {
      if (s.answers(name)) {
        return s.make().get();
      }
    }
    return null;
  }

  @Override
  public final int run(Args args) {
    return 0; // the CLI prints a group's help when no sub-verb is named
  }
}
