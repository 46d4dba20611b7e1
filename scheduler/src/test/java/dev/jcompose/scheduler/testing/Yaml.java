package dev.jcompose.scheduler.testing;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A project from compose text, loaded as the CLI loads it (project "p", from stdin). */
public final class Yaml {
  private Yaml() {}

  public static Project load(String compose) {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    return ProjectLoader.load(
        new LoadOptions(
            List.of("-"),
            dir,
            "p",
            List.of(),
            List.of(),
            Map.of(),
            dir,
            true,
            new ByteArrayInputStream(compose.getBytes(StandardCharsets.UTF_8))));
  }
}
