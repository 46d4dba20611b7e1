package dev.jcompose.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sizes as docker's CLI prints them (github.com/docker/go-units): {@link #binary} is BytesSize
 * ({@code %.4g} in powers of 1024: {@code 3.516MiB}), {@link #decimal} is HumanSizeWithPrecision
 * with 3 digits ({@code %.3g} in powers of 1000: {@code 1.45kB}). Go's {@code %g} drops trailing
 * zeros, which Java's does not, hence the BigDecimal.
 */
public final class Units {
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private Units() {}

  public static String binary(long bytes) {
    return custom((double) bytes, 1024, BINARY, 4);
  }

  public static String decimal(long bytes) {
    return custom((double) bytes, 1000, DECIMAL, 3);
  }

  private static String custom(double size, double base, String[] units, int digits) {
    int i = 0;
    while (size >= base && i < units.length - 1) {
      size /= base;
      i++;
    }
    return g(size, digits) + units[i];
  }

  /** Go's {@code %.Ng} for the magnitudes sizes have (no exponent form below 10^N). */
  static String g(double v, int digits) {
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
  }
}
