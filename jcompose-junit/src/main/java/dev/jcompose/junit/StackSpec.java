package dev.jcompose.junit;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link ComposeStack} annotation asks for, resolved against the working directory; equal
 * specs share a stack when both say {@code shared = true}.
 */
record StackSpec(
    List<Path> files,
    List<String> services,
    List<String> profiles,
    String projectPrefix,
    boolean shared,
    int waitTimeoutSeconds) {

  static StackSpec of(ComposeStack a, Path workingDir) {
    List<Path> files =
        java.util.Arrays.stream(a.value())
            .map(f -> workingDir.resolve(f).toAbsolutePath().normalize())
            .toList();
    String prefix = a.projectName().isEmpty() ? directoryName(files.get(0)) : a.projectName();
    return new StackSpec(
        files,
        List.of(a.services()),
        List.of(a.profiles()),
        prefix,
        a.shared(),
        a.waitTimeoutSeconds());
  }

  private static String directoryName(Path file) {
    Path dir = file.getParent();
    return dir == null || dir.getFileName() == null ? "stack" : dir.getFileName().toString();
  }

  /** The prefix plus 8 random hex digits, lower case, in compose's project name alphabet. */
  String uniqueProjectName() {
    String base =
        projectPrefix
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9_-]", "-")
            .replaceAll("^[^a-z0-9]+", "");
    String suffix = String.format("%08x", new java.security.SecureRandom().nextInt());
    return (base.isEmpty() ? "stack" : base) + "-" + suffix;
  }
}
