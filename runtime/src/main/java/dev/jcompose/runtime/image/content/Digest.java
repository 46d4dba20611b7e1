package dev.jcompose.runtime.image.content;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A validated {@code sha256:<64 hex>} content digest. Only sha256 is accepted: it is what every
 * registry serves and the hex is used as a file name, so a strict pattern also keeps paths safe.
 */
public record Digest(String hex) {
  private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

  public Digest {
    if (!HEX.matcher(hex).matches()) {
      throw new ContainerException(Kind.INVALID, "invalid sha256 digest hex '" + hex + "'");
    }
  }

  /** Parses {@code sha256:<hex>}; anything else is INVALID. */
  public static Digest parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      throw new ContainerException(
          Kind.INVALID, "unsupported digest '" + text + "' (only sha256 is supported)");
    }
    return new Digest(text.substring("sha256:".length()));
  }

  public static Digest of(byte[] content) {
    return fromHash(newSha256().digest(content));
  }

  public static Digest fromHash(byte[] sha256) {
    return new Digest(HexFormat.of().formatHex(sha256));
  }

  /** A SHA-256 for bulk data: libcrypto's when available ({@link NativeSha256}), else the JDK's. */
  public static MessageDigest newSha256() {
    return NativeSha256.create().orElseGet(Digest::jdkSha256);
  }

  static MessageDigest jdkSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
  }

  /** The first 12 hex characters, as docker shows image ids and layers. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
