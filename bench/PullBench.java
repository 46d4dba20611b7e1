import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.RegistryConfig;
import dev.jcompose.runtime.image.RegistryImageService;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

/** Times one cold pull+unpack of args[1] into the empty data root args[0]; prints "pull_ms cpu_ms size layers". */
public class PullBench {
  public static void main(String[] args) {
    Map<String, String> env = Map.of("JCOMPOSE_CONFIG", "/nonexistent", "HOME", args[0]);
    RegistryImageService service = new RegistryImageService(new RuntimePaths(Path.of(args[0], "data"), Path.of(args[0], "run")), RegistryConfig.load(env));
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    ImageHandle image = service.pull(args[1], null);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
    System.out.println(ms + " " + cpuMs + " " + image.sizeBytes() + " " + image.layerDirs().size());
  }
}
