package dev.jcompose.common.instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The 8 hex that tell one engine instance's host resources from another's: the first 32 bits of the
 * SHA-256 of its absolute, normalised state directory. The runtime suffixes its cgroups with it
 * ({@code jcompose/<container>-<hash>}) and the network manager its links, ifaliases and firewall
 * table ({@code jcompose-<hash>}), so two engines with their own roots on one host neither share
 * nor remove each other's resources, and a later engine on the same root finds its own. The value
 * is part of names already on hosts: it must never change for a given directory.
 */
public final class InstanceHash {
  private static final int HEX_CHARS = 8;

  private InstanceHash() {}

  /** The hash of {@code stateDir} (made absolute and normalised first), 8 lower-case hex. */
  public static String of(Path stateDir) {
    String text = stateDir.toAbsolutePath().normalize().toString();
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
