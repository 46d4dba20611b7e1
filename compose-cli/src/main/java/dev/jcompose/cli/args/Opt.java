package dev.jcompose.cli.args;

import java.util.List;

/**
 * One option of a verb: its names ({@code -d}, {@code --detach}) and, for an option that takes a
 * value, the label help shows for it. A flag may be given as {@code --flag=false}; an option with
 * an implicit value (docker's {@code -i} of run) takes that value when given alone.
 *
 * @param names the names, short ones first, as help lists them
 * @param label the value's label in help ({@code SECONDS}), null for a flag
 * @param help one line of help
 * @param hidden left out of help
 * @param implicitValue the value when given without one, null if a value is required
 */
public record Opt(
    List<String> names, String label, String help, boolean hidden, String implicitValue) {

  /** A boolean flag. */
  public static Opt flag(String help, String... names) {
    return new Opt(List.of(names), null, help, false, null);
  }

  /** An option that takes a value, {@code --name VALUE} or {@code --name=VALUE}. */
  public static Opt value(String label, String help, String... names) {
    return new Opt(List.of(names), label, help, false, null);
  }

  /** The same option, left out of help. */
  public Opt hide() {
    return new Opt(names, label, help, true, implicitValue);
  }

  /** The same option, taking {@code value} when given alone ({@code -i} = {@code -i=true}). */
  public Opt implicit(String value) {
    return new Opt(names, label, help, hidden, value);
  }

  /** With {@code extra} as another name (a verb's own short name over a global one). */
  public Opt alsoNamed(String extra) {
    List<String> all = new java.util.ArrayList<>(names);
    all.add(0, extra);
    return new Opt(List.copyOf(all), label, help, hidden, implicitValue);
  }

  public boolean isFlag() {
    return label == null;
  }

  /** The name errors use: the long name, else the first. */
  public String displayName() {
    for (String n : names) {
      if (n.startsWith("--")) {
        return n;
      }
    }
    return names.get(0);
  }
}
