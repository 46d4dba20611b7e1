import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.output.ConfigRenderer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Times load (parse, interpolate, merge, normalise, validate) + JSON/YAML rendering of the compose
 * file args[0]; prints "first_ms warm_ms services bytes_json". Warm = median of 20 further runs.
 */
public class ConfigBench {
  public static void main(String[] args) {
    Path file = Path.of(args[0]).toAbsolutePath();
    LoadOptions options = new LoadOptions(List.of(file.toString()), null, "bench", List.of(), List.of(),
        Map.of("HOME", System.getProperty("user.home"), "TAG", "1.0"), file.getParent(), true,
        new ByteArrayInputStream(new byte[0]));
    long start = System.nanoTime();
    int bytes = once(options);
    long first = (System.nanoTime() - start) / 1_000_000;
    long[] warm = new long[20];
    for (int i = 0; i < warm.length; i++) {
      long t = System.nanoTime();
      once(options);
      warm[i] = (System.nanoTime() - t) / 1_000;
    }
    java.util.Arrays.sort(warm);
    Project p = ProjectLoader.load(options);
    System.out.printf("%d %.1f %d %d%n", first, warm[warm.length / 2] / 1000.0, p.services().size(), bytes);
  }

  private static int once(LoadOptions options) {
    LoadResult r = ProjectLoader.loadDetailed(options);
    String json = ConfigRenderer.render(r.canonical(), ConfigRenderer.Format.JSON, true);
    String yaml = ConfigRenderer.render(r.canonical(), ConfigRenderer.Format.YAML, true);
    return json.length() + yaml.length() * 0;
  }
}
