package dev.jcompose.model.normalize;

/** Reads canonical numeric values back (byte sizes are printed as strings, cpus as numbers). */
public final class ByteSizesView {
  private ByteSizesView() {}

  /** The numeric value of a canonical number or numeric string, as a double; null if absent. */
  public static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
