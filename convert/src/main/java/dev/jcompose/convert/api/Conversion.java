package dev.jcompose.convert.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of converting a project: manifests ordered by file name (so output diffs well) and the
 * findings about what did not convert as written, in the order they were written in the files.
 */
public record Conversion(List<Manifest> manifests, List<Finding> findings) {

  public Conversion {
    manifests = List.copyOf(manifests);
    findings = List.copyOf(findings);
  }

  /** Every manifest as one multi-document YAML stream. */
  public String yaml() {
    StringBuilder b = new StringBuilder();
    for (Manifest m : manifests) {
      b.append("---\n").append(m.yaml());
    }
    return b.toString();
  }

  /**
   * Writes one file per manifest into {@code dir} (created if needed); returns the files written.
   */
  public List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Manifest m : manifests) {
      Path file = dir.resolve(m.fileName());
      Files.writeString(file, m.yaml(), StandardCharsets.UTF_8);
      written.add(file);
    }
    return written;
  }
}
