package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Instruction.Location;
import java.util.List;

/**
 * Content digests of what COPY/ADD read, the part of their cache keys that depends on files: a
 * change to one file changes the digest of every source that selects it, and nothing else.
 */
public interface SourceDigests {

  /**
   * The digest of what {@code pattern} selects in the build context {@code context} ("" = the main
   * one) after .dockerignore and {@code excludes}: names, types, modes, link targets and file
   * contents (not times). Fails with NOT_FOUND when a non-wildcard source is missing and INVALID
   * when it leaves the context.
   */
  String context(String context, String pattern, List<String> excludes, Location where);

  /** The digest of a remote ADD source ({@code checksum} verified when given). */
  String url(String url, String checksum, Location where);
}
