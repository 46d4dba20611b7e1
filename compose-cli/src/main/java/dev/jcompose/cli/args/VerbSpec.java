package dev.jcompose.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verb accepts: its options, its positional arguments (a label for help, how many) and, for
 * a group such as {@code volume}, its sub-verbs. Built by each command in code, so nothing is read
 * by reflection when a command line is parsed.
 *
 * @param path the words naming the verb ({@code volume ls}), empty for the root
 * @param description one line for help
 * @param options the verb's own options, in help order
 * @param operands the positional arguments as help shows them ({@code [SERVICE...]}), may be empty
 * @param minOperands fewest positional arguments
 * @param maxOperands most positional arguments, -1 for any number
 * @param rawAfter after this many positional arguments every further word is a positional argument,
 *     options included (the container command of {@code run} and {@code exec}); -1 never
 * @param subverbs name to description of the sub-verbs of a group, in help order; empty otherwise
 */
public record VerbSpec(
    List<String> path,
    String description,
    List<Opt> options,
    String operands,
    int minOperands,
    int maxOperands,
    int rawAfter,
    Map<String, String> subverbs) {

  public static Builder of(String description, String... path) {
    return new Builder(List.of(path), description);
  }

  /** {@code jcompose volume ls}. */
  public String qualifiedName() {
    return path.isEmpty() ? "jcompose" : "jcompose " + String.join(" ", path);
  }

  /** The option named {@code name} (a verb's own name hides a global one of the same name). */
  Opt find(String name) {
    for (Opt o : options) {
      if (o.names().contains(name)) {
        return o;
      }
    }
    return null;
  }

  /** Fills a {@link VerbSpec}; by default a verb takes no positional argument. */
  public static final class Builder {
    private final List<String> path;
    private final String description;
    private final List<Opt> options = new ArrayList<>();
    private final Map<String, String> subverbs = new LinkedHashMap<>();
    private String operands = "";
    private int min;
    private int max;
    private int rawAfter = -1;

    private Builder(List<String> path, String description) {
      this.path = path;
      this.description = description;
    }

    public Builder options(Opt... opts) {
      options.addAll(List.of(opts));
      return this;
    }

    /** Positional arguments: help label, fewest and most (-1 for any). */
    public Builder operands(String label, int fewest, int most) {
      operands = label;
      min = fewest;
      max = most;
      return this;
    }

    /** Any number of services: {@code [SERVICE...]}. */
    public Builder services() {
      return operands("[SERVICE...]", 0, -1);
    }

    /** Every word after the first {@code n} positional arguments is one, options included. */
    public Builder rawAfter(int n) {
      rawAfter = n;
      return this;
    }

    public Builder subverb(String name, String help) {
      subverbs.put(name, help);
      return this;
    }

    public VerbSpec build() {
      return new VerbSpec(
          path,
          description,
          List.copyOf(options),
          operands,
          min,
          max,
          rawAfter,
          Collections.unmodifiableMap(new LinkedHashMap<>(subverbs)));
    }
  }
}
