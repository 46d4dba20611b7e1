package dev.jcompose.cli.command;

import dev.jcompose.cli.UserError;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.RegistryConfig;
import dev.jcompose.runtime.image.RegistryImageService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose pull}: pulls the images of the project's services straight into the local
 * image store (no engine needed), several images at once, progress on stderr in docker
 * compose's plain form ({@code  web Pulling}, {@code  a2abf6c4d29d Pull complete}, {@code  web Pulled}).
 */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand implements Callable<Integer> {
  private static final int PARALLEL_IMAGES = 3;
  static Supplier<ImageService> images = () -> new RegistryImageService(RuntimePaths.fromEnvironment(System.getenv()), RegistryConfig.load(System.getenv()));

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Pull without printing progress information")
  boolean quiet;

  @Option(names = "--ignore-pull-failures", description = "Pull what it can and ignores images with pull failures")
  boolean ignoreFailures;

  @Option(names = "--policy", paramLabel = "POLICY", description = "Apply pull policy (\"missing\"|\"always\")")
  String policy;

  @Override
  public Integer call() throws Exception {
    if (policy != null && !policy.equals("missing") && !policy.equals("always")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "invalid --policy '" + policy + "': use missing or always");
    }
    Map<String, String> wanted = imagesToPull(CommandContext.loadProject(spec));
    ImageService service = images.get();
    Display display = new Display(System.err, quiet);
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_IMAGES);
    try {
      Map<String, Future<?>> pulls = new LinkedHashMap<>();
      wanted.forEach((name, image) -> pulls.put(name, pool.submit(() -> pullOne(service, name, image, display))));
      return awaitAll(pulls, display);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Service name → image, in service order; services without an image are built, not pulled. */
  private Map<String, String> imagesToPull(Project project) {
    for (String s : services) {
      if (!project.services().containsKey(s)) {
        throw new UserError("no such service: " + s);
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    project.services().forEach((name, svc) -> {
      if ((services.isEmpty() || services.contains(name)) && svc.image() != null && !"build".equals(svc.pullPolicy())) {
        result.put(name, svc.image());
      }
    });
    return result;
  }

  private Void pullOne(ImageService service, String name, String image, Display display) {
    if ("missing".equals(policy) && service.find(image).isPresent()) {
      display.line(name, "Skipped - Image is already present locally");
      return null;
    }
    display.line(name, "Pulling");
    service.pull(image, display::update);
    display.line(name, "Pulled");
    return null;
  }

  private int awaitAll(Map<String, Future<?>> pulls, Display display) throws InterruptedException {
    RuntimeException first = null;
    for (Map.Entry<String, Future<?>> e : pulls.entrySet()) {
      try {
        e.getValue().get();
      } catch (java.util.concurrent.ExecutionException ex) {
        RuntimeException cause = ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
        display.line(e.getKey(), (ignoreFailures ? "Warning " : "Error ") + cause.getMessage());
        first = first == null ? cause : first;
      }
    }
    if (first != null && !ignoreFailures) {
      throw first instanceof ContainerException ? first : new UserError(first.getMessage(), first);
    }
    return 0;
  }

  /** Plain progress: one line per layer phase change (not per byte), thread-safe. */
  static final class Display {
    private final PrintStream err;
    private final boolean quiet;
    private final Map<String, String> lastPhase = new ConcurrentHashMap<>();

    Display(PrintStream err, boolean quiet) {
      this.err = err;
      this.quiet = quiet;
    }

    void update(String reference, String layer, String phase, long current, long total) {
      if (layer == null || phase.equals(lastPhase.put(layer, phase))) {
        return;
      }
      String id = layer.startsWith("sha256:") ? layer.substring(7, 19) : layer;
      line(id, phase.equals("Downloading") && total > 0 ? phase + " " + ImagesCommand.humanSize(total) : phase);
    }

    synchronized void line(String resource, String text) {
      if (!quiet) {
        err.println(" " + resource + " " + text);
        err.flush();
      }
    }
  }
}
