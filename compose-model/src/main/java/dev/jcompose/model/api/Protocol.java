package dev.jcompose.model.api;

import java.util.Locale;

/** The transport of a published or exposed port; docker accepts these three (nat.ParsePortSpec). */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** Case-insensitive, as compose lowers it; IllegalArgumentException "invalid proto: x". */
  public static Protocol parse(String text) {
    for (Protocol p : values()) {
      if (p.id().equals(text.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("invalid proto: " + text);
  }

  /** The lower-case name compose prints and the kernel tools take: {@code tcp}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
