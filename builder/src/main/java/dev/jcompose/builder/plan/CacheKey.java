package dev.jcompose.builder.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Cache keys as BuildKit forms them: a digest of the parent's key and everything that defines the
 * step (command, environment with the build args in scope, user, working dir, mounts, the content
 * digests of copied files). Parts are length-prefixed so no two lists collide.
 */
final class CacheKey {
  private final MessageDigest sha;

  private CacheKey(String kind) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    add(kind);
  }

  static CacheKey of(String kind) {
    return new CacheKey(kind);
  }

  CacheKey add(Object part) {
    byte[] b = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
    sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(b);
    return this;
  }

  CacheKey addAll(Iterable<?> parts) {
    int n = 0;
    for (Object p : parts) {
      n++;
      add(p);
    }
    return add("#" + n);
  }

  String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
