package dev.jcompose.scheduler.api;

import java.util.Locale;

/** Sizes the way docker prints them (go-units HumanSizeWithPrecision, 3 significant digits). */
public final class HumanSize {
  private HumanSize() {}

  /** Decimal units: 4261000 -> "4.26MB", 999 -> "999B". */
  public static String of(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double size = bytes;
    int unit = 0;
    while (size >= 1000 && unit < units.length - 1) {
      size /= 1000;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.3g", size);
    if (number.contains(".") && !number.contains("e")) {
      number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return number + units[unit];
  }
}
