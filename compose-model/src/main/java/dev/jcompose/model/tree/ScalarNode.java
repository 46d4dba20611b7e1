package dev.jcompose.model.tree;

/**
 * A scalar resolved with compose's rules: {@code value} is a String, Long, Double, Boolean or null.
 * {@code yes/no/on/off} stay Strings, {@code 0755} is the Long 493 (octal, as yaml.v3 reads it).
 * {@code raw} is the source text, needed where compose keeps the literal (e.g. ports "80:80").
 * {@code quoted} is true for single/double-quoted or block scalars.
 */
public record ScalarNode(Mark mark, Directive directive, Object value, String raw, boolean quoted)
    implements Node {

  /** A string value that did not come from plain YAML text (e.g. produced by interpolation). */
  public static ScalarNode ofString(Mark mark, String value) {
    return new ScalarNode(mark, Directive.NONE, value, value, true);
  }

  /** A typed value (String, Long, Double, Boolean or null) with its textual form. */
  public static ScalarNode of(Mark mark, Object value) {
    return new ScalarNode(
        mark, Directive.NONE, value, value == null ? "" : String.valueOf(value), true);
  }

  /** The value as text: strings as they are, numbers/booleans as YAML writes them, null as "". */
  public String text() {
    return value == null ? "" : value instanceof String s ? s : raw;
  }

  @Override
  public ScalarNode deepCopy() {
    return this;
  }

  @Override
  public ScalarNode withDirective(Directive d) {
    return new ScalarNode(mark, d, value, raw, quoted);
  }
}
