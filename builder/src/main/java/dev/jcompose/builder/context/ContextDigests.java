package dev.jcompose.builder.context;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.builder.plan.SourceDigests;
import java.util.List;
import java.util.Map;

/** {@link SourceDigests} over the build's contexts (main one under "") and its URL downloads. */
public final class ContextDigests implements SourceDigests {
  private final Map<String, BuildContext> contexts;
  private final ContextHasher hasher;
  private final UrlSources urls;

  public ContextDigests(Map<String, BuildContext> contexts, ContextHasher hasher, UrlSources urls) {
    this.contexts = contexts;
    this.hasher = hasher;
    this.urls = urls;
  }

  @Override
  public String context(String context, String pattern, List<String> excludes, Location where) {
    BuildContext c = contexts.get(context);
    if (c == null) {
      throw BuildException.at(
          where.file(), where.start(), "no build context named \"" + context + "\"");
    }
    try {
      return hasher.digest(c.select(pattern, PatternMatcher.of(excludes)));
    } catch (BuildException e) {
      throw new BuildException(
          e.kind(), where + ": " + where.text().strip() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw BuildException.at(where.file(), where.start(), e.getMessage());
    }
  }

  @Override
  public String url(String url, String checksum, Location where) {
    try {
      return urls.fetch(url, checksum).digest();
    } catch (BuildException e) {
      throw new BuildException(e.kind(), where + ": " + e.getMessage(), e);
    }
  }
}
