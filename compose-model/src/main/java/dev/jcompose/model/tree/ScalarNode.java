package dev.jcompose.model.tree;

/**
 * A scalar resolved with compose's rules: {@code value} is a String, Long, Double, Boolean or null.
 * {@code yes/no/on/off} stay Strings, {@code 0755} is the Long 493 (octal, as yaml.v3 reads it).
 * {@code raw} is the source text, needed where compose keeps the literal (e.g. ports "80:80").
 * {@code quoted} is true for single/double-quoted or block scalars.
 */
public record ScalarNode(Mark mark, Directive directive, Object value, String raw, boolean quoted)
    implements Node {}
