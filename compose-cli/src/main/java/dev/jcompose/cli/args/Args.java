package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/** A parsed command line: the values of the options given, and the positional arguments. */
public final class Args {
  // by identity: each option is one constant, and a record's hashCode would bootstrap
  // ObjectMethods at start-up (tens of milliseconds of method-handle spinning on JDK 17)
  private final IdentityHashMap<Opt, List<String>> values = new IdentityHashMap<>();
  private final List<String> operands = new ArrayList<>();
  private VerbSpec verb;

  /** An empty command line for {@code verb} (tests, and verbs run without arguments). */
  public Args(VerbSpec verb) {
    this.verb = verb;
  }

  void add(Opt opt, String value) {
    List<String> all = values.get(opt);
    if (all == null) {
      all = new ArrayList<>();
      values.put(opt, all);
    }
    all.add(value);
  }

  void operand(String value) {
    operands.add(value);
  }

  void verb(VerbSpec spec) {
    verb = spec;
  }

  /** The verb this command line runs. */
  public VerbSpec verb() {
    return verb;
  }

  /** Whether a flag is set (its last value, so {@code -d --detach=false} is off). */
  public boolean has(Opt flag) {
    String v = get(flag);
    return v != null && Boolean.parseBoolean(v);
  }

  /** The last value given, or null. */
  public String get(Opt opt) {
    List<String> all = values.get(opt);
    return all == null ? null : all.get(all.size() - 1);
  }

  public String get(Opt opt, String otherwise) {
    String v = get(opt);
    return v == null ? otherwise : v;
  }

  /** Every value given, in order (repeatable options such as {@code -e}). */
  public List<String> all(Opt opt) {
    List<String> all = values.get(opt);
    return all == null ? List.of() : List.copyOf(all);
  }

  /** The value as a number, null when not given; anything else is a usage error. */
  public Integer integer(Opt opt) {
    String v = get(opt);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      throw usage(
          "invalid argument \"" + v + "\" for \"" + opt.displayName() + "\" flag: not a number");
    }
  }

  public int integer(Opt opt, int otherwise) {
    Integer v = integer(opt);
    return v == null ? otherwise : v;
  }

  /** The positional arguments. */
  public List<String> operands() {
    return List.copyOf(operands);
  }

  /** The positional argument at {@code index}, null if there are fewer. */
  public String operand(int index) {
    return index < operands.size() ? operands.get(index) : null;
  }

  /** The positional arguments from {@code index} on. */
  public List<String> operandsFrom(int index) {
    return index >= operands.size()
        ? List.of()
        : List.copyOf(operands.subList(index, operands.size()));
  }

  /** A usage error of this verb's command line. */
  public UsageException usage(String message) {
    return new UsageException(verb, message);
  }
}
