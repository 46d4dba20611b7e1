package dev.jcompose.scheduler.core;

import java.time.Duration;

/** Docker's go-units HumanDuration, used in status strings ("Up 5 minutes"). */
public final class HumanTime {
  private HumanTime() {}

  public static String of(Duration d) {
    long s = d.getSeconds();
    if (s < 1) {
      return "Less than a second";
    } else if (s == 1) {
      return "1 second";
    } else if (s < 60) {
      return s + " seconds";
    }
    long m = d.toMinutes();
    if (m == 1) {
      return "About a minute";
    } else if (m < 60) {
      return m + " minutes";
    }
    long h = Math.round(d.toMinutes() / 60.0);
    if (h == 1) {
      return "About an hour";
    } else if (h < 48) {
      return h + " hours";
    } else if (h < 24 * 7 * 2) {
      return h / 24 + " days";
    } else if (h < 24 * 30 * 2) {
      return h / 24 / 7 + " weeks";
    } else if (h < 24 * 365 * 2) {
      return h / 24 / 30 + " months";
    }
    return h / 24 / 365 + " years";
  }
}
