package dev.jcompose.builder.plan;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.plan.Step.CopyFrom;
import dev.jcompose.runtime.image.RegistryImageService;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a FROM base, a {@code --from} or a mount's {@code from=} names, decided as BuildKit decides
 * it: an additional named context first, then a stage (by name, case-insensitive, or by index),
 * then {@code scratch}, else an image reference.
 */
final class Origins {
  private static final String IMAGE_SCHEME = "docker-image://";
  private final List<String> stageNames;
  private final Map<String, String> namedContexts;

  /**
   * @param stageNames the stage names by index (null for unnamed stages)
   */
  Origins(List<String> stageNames, Map<String, String> namedContexts) {
    this.stageNames = stageNames;
    this.namedContexts = namedContexts;
  }

  /** Where a name points; {@code stage} is -1 unless kind is STAGE. */
  record Origin(CopyFrom.Kind kind, String name, int stage, boolean scratch) {}

  /**
   * @param before the stage doing the lookup: FROM may only name an earlier stage (a later one is
   *     an image of that name, as in BuildKit)
   */
  Origin resolve(String name, int before, boolean forFrom) {
    String named = namedContexts.get(name);
    if (named != null) {
      return named.startsWith(IMAGE_SCHEME)
          ? image(named.substring(IMAGE_SCHEME.length()))
          : new Origin(CopyFrom.Kind.CONTEXT, name, -1, false);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int limit = forFrom ? before : stageNames.size();
    for (int i = 0; i < limit; i++) {
      if (lower.equals(stageNames.get(i))) {
        return new Origin(CopyFrom.Kind.STAGE, name, i, false);
      }
    }
    if (!forFrom && name.matches("\\d+")) {
      int index = Integer.parseInt(name);
      if (index >= stageNames.size()) {
        throw new IllegalArgumentException("invalid stage index " + index);
      }
      return new Origin(CopyFrom.Kind.STAGE, name, index, false);
    }
    if (lower.equals("scratch")) {
      return new Origin(CopyFrom.Kind.IMAGE, "scratch", -1, true);
    }
    return image(name);
  }

  private static Origin image(String reference) {
    try {
      return new Origin(CopyFrom.Kind.IMAGE, RegistryImageService.normalise(reference), -1, false);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Fails unless a stage read by {@code current} comes before it (BuildKit's rule). */
  static void checkOrder(Origin o, int current, String currentName, Location where) {
    if (o.kind() == CopyFrom.Kind.STAGE && o.stage() >= current) {
      throw BuildException.at(
          where.file(),
          where.start(),
          "cannot copy from stage \""
              + o.name()
              + "\", it needs to be defined before current stage \""
              + currentName
              + "\"");
    }
  }
}
