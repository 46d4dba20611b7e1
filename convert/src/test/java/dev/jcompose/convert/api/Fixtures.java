package dev.jcompose.convert.api;

import dev.jcompose.convert.KubernetesConverter;
import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a compose file as the CLI would, with a fixed environment, so conversions are reproducible.
 */
public final class Fixtures {
  public static final Map<String, String> ENV =
      Map.of(
          "HOME",
          "/root",
          "SHOP_API_KEY",
          "s3cr3t",
          "POSTGRES_USER",
          "app",
          "POSTGRES_PASSWORD",
          "app-password",
          "POSTGRES_DB",
          "app");

  private Fixtures() {}

  /**
   * {@code compose.yaml} of {@code dir}, named relatively so findings read {@code
   * compose.yaml:line:col}.
   */
  public static LoadResult load(Path dir) {
    return load(dir, "compose.yaml");
  }

  public static LoadResult load(Path dir, String file) {
    return ProjectLoader.loadDetailed(
        new LoadOptions(
            List.of(file),
            null,
            null,
            List.of(),
            List.of(),
            ENV,
            dir.toAbsolutePath(),
            true,
            new ByteArrayInputStream(new byte[0])));
  }

  public static Conversion convert(Path dir) {
    return KubernetesConverter.convert(load(dir), ConvertOptions.defaults(ENV));
  }
}
