package dev.jcompose.runtime.api;

import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference normalised the way docker does: {@code postgres} becomes {@code
 * docker.io/library/postgres:latest}, {@code user/app} becomes {@code docker.io/user/app:latest},
 * {@code host:port/x} keeps its registry. A reference may carry a tag, a digest, or both.
 *
 * @param domain registry host[:port], {@code docker.io} for Docker Hub
 * @param path repository path without domain, e.g. {@code library/postgres}
 * @param tag tag, null when only a digest was given
 * @param digest {@code sha256:...} or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {
  public static final String DOCKER_HUB = "docker.io";
  // Grammar from the distribution reference package: lowercase path components with separators.
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?:[a-zA-Z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");

  /** Parses and normalises; INVALID with the offending text on bad syntax. */
  public static ImageReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(text, "empty reference");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw invalid(text, "bad digest '" + digest + "'");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(text, "bad tag '" + tag + "'");
      }
    }
    return build(text, rest, tag, digest);
  }

  private static ImageReference build(String text, String name, String tag, String digest) {
    String domain = DOCKER_HUB;
    String path = name;
    int slash = name.indexOf('/');
    if (slash > 0 && looksLikeDomain(name.substring(0, slash))) {
      domain = name.substring(0, slash);
      path = name.substring(slash + 1);
      if (!DOMAIN.matcher(domain).matches()) {
        throw invalid(text, "bad registry '" + domain + "'");
      }
    }
    if (domain.equals("index.docker.io")) {
      domain = DOCKER_HUB;
    }
    if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(text, "bad repository name component '" + component + "'");
      }
    }
    return new ImageReference(domain, path, tag == null && digest == null ? "latest" : tag, digest);
  }

  // docker's rule: the first component is a registry if it has a dot, a port, is localhost or has
  // capitals.
  private static boolean looksLikeDomain(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.equals(first.toLowerCase(Locale.ROOT));
  }

  private static ContainerException invalid(String text, String why) {
    return new ContainerException(Kind.INVALID, "invalid image reference '" + text + "': " + why);
  }

  /** {@code domain/path} without tag or digest. */
  public String repository() {
    return domain + "/" + path;
  }

  /** What to ask the registry's manifest endpoint for: the digest when pinned, else the tag. */
  public String manifestReference() {
    return digest != null ? digest : tag;
  }

  /** The short form docker shows: {@code postgres}, {@code user/app}, {@code host:5000/x}. */
  public String familiarRepository() {
    if (domain.equals(DOCKER_HUB)) {
      return path.startsWith("library/") ? path.substring("library/".length()) : path;
    }
    return repository();
  }

  @Override
  public String toString() {
    return repository() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
