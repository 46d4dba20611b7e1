package dev.jcompose.cli.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable id for what jcompose names rather than numbers (networks): the sha256 of the name, as 64
 * or 12 hex digits.
 */
public final class ShortIds {
  private ShortIds() {}

  public static String full(String name) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }

  public static String of(String name) {
    return full(name).substring(0, 12);
  }
}
