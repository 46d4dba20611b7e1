package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildEvent;
import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.api.BuildListener;
import dev.jcompose.builder.api.BuildNetwork;
import dev.jcompose.builder.api.BuildRequest;
import dev.jcompose.builder.api.BuildResult;
import dev.jcompose.builder.api.ImageBuilder;
import dev.jcompose.builder.cache.StepCache;
import dev.jcompose.builder.context.BuildContext;
import dev.jcompose.builder.context.ContextDigests;
import dev.jcompose.builder.context.ContextHasher;
import dev.jcompose.builder.context.UrlSources;
import dev.jcompose.builder.dockerfile.DockerfileParser;
import dev.jcompose.builder.dockerfile.InstructionParser;
import dev.jcompose.builder.ignore.IgnoreFile;
import dev.jcompose.builder.ignore.PatternMatcher;
import dev.jcompose.builder.plan.BuildPlan;
import dev.jcompose.builder.plan.BuildPlanner;
import dev.jcompose.builder.plan.PlanInput;
import dev.jcompose.common.json.Json;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.ImageStore;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ImageBuilder} on jcompose's runtime: reads the Dockerfile and the contexts, plans with
 * {@link BuildPlanner}, executes with {@link BuildExecutor} and stores the image under every tag.
 * Keeps under {@code <dataRoot>/builder}: {@code cache/} (step keys), {@code cache-mounts/}, {@code
 * downloads/} (ADD URLs) and {@code tmp/}. One per engine: the content hasher it holds remembers
 * file digests across builds.
 */
public final class RuntimeImageBuilder implements ImageBuilder {
  private final ContainerRuntime runtime;
  private final ImageService images;
  private final ImageStore store;
  private final BuildNetwork network;
  private final NativeOps ops;
  private final Path root;
  private final ContextHasher hasher = new ContextHasher();
  private final String platform = Platform.host().toString();

  public RuntimeImageBuilder(
      RuntimePaths paths,
      ContainerRuntime runtime,
      ImageService images,
      ImageStore store,
      BuildNetwork network) {
    this(paths, runtime, images, store, network, NativeOps.real());
  }

  RuntimeImageBuilder(
      RuntimePaths paths,
      ContainerRuntime runtime,
      ImageService images,
      ImageStore store,
      BuildNetwork network,
      NativeOps ops) {
    this.runtime = runtime;
    this.images = images;
    this.store = store;
    this.network = network;
    this.ops = ops;
    this.root = paths.dataRoot().resolve("builder");
  }

  @Override
  @SuppressWarnings("try") // the session is the build network, held for the block, not used in it
  public BuildResult build(BuildRequest request, BuildListener listener) {
    try (BuildNetwork.Session session = network.session()) {
      return buildInSession(request, listener);
    }
  }

  private BuildResult buildInSession(BuildRequest request, BuildListener listener) {
    if (request.tags().isEmpty()) {
      throw new BuildException(Kind.INVALID, "a build needs at least one tag");
    }
    Path dockerfile = dockerfilePath(request);
    String name =
        request.context().toAbsolutePath().relativize(dockerfile.toAbsolutePath()).toString();
    InstructionParser.Program program =
        InstructionParser.parse(DockerfileParser.parse(name, dockerfileText(request, dockerfile)));
    if (program.syntax() != null
        && !program.syntax().matches("(docker\\.io/)?docker/dockerfile(:.*)?")) {
      listener.on(
          new BuildEvent(
              BuildEvent.Kind.WARNING,
              null,
              "# syntax="
                  + program.syntax()
                  + " is ignored: jcompose builds with its own Dockerfile frontend",
              0));
    }
    Map<String, BuildContext> contexts = contexts(request, dockerfile);
    UrlSources urls = new UrlSources(root.resolve("downloads"));
    StoreImages bases = new StoreImages(images, store, request.pull(), platform, listener);
    BuildPlan plan =
        BuildPlanner.plan(
            new PlanInput(
                program,
                request.buildArgs(),
                request.target(),
                platform,
                request.labels(),
                request.extraHosts(),
                request.network(),
                imageContexts(request),
                bases,
                new ContextDigests(contexts, hasher, urls)));
    plan.warnings().forEach(w -> listener.on(new BuildEvent(BuildEvent.Kind.WARNING, null, w, 0)));
    ExecTools tools =
        new ExecTools(runtime, store, ops, network, dirs("tmp"), request.shmSizeBytes());
    BuildExecutor executor =
        new BuildExecutor(
            plan,
            tools,
            new StepCache(root.resolve("cache")),
            cacheImports(request),
            bases,
            listener,
            new BuildExecutor.Inputs(
                contexts, urls, request.secrets(), dirs("cache-mounts"), request.noCache()));
    BuildExecutor.StageResult result = executor.result(plan.target());
    byte[] config = imageConfig(plan, result, executor.cacheEntries());
    ImageHandle image = null;
    for (String tag : request.tags()) {
      image = store.store(tag, config, result.layers());
    }
    return new BuildResult(
        image.reference(),
        image.imageId(),
        executor.stepsRun(),
        executor.stepsCached(),
        plan.warnings());
  }

  private static Path dockerfilePath(BuildRequest r) {
    Path f = r.dockerfile() == null ? Path.of("Dockerfile") : r.dockerfile();
    return f.isAbsolute() ? f : r.context().resolve(f);
  }

  private static String dockerfileText(BuildRequest r, Path dockerfile) {
    if (r.dockerfileInline() != null) {
      return r.dockerfileInline();
    }
    try {
      return Files.readString(dockerfile, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BuildException(Kind.NOT_FOUND, "Dockerfile " + dockerfile + " does not exist");
    } catch (IOException e) {
      throw new BuildException(
          Kind.INVALID, "cannot read " + dockerfile + ": " + e.getMessage(), e);
    }
  }

  // <Dockerfile>.dockerignore next to the Dockerfile wins over the context's .dockerignore
  // (BuildKit).
  private static Map<String, BuildContext> contexts(BuildRequest r, Path dockerfile) {
    Map<String, BuildContext> out = new LinkedHashMap<>();
    Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
    Path ignore = Files.isRegularFile(specific) ? specific : r.context().resolve(".dockerignore");
    out.put("", BuildContext.open(r.context(), ignoreRules(ignore), "build context"));
    r.additionalContexts()
        .forEach(
            (name, value) -> {
              if (!value.startsWith("docker-image://")) {
                Path dir = Path.of(value);
                out.put(
                    name,
                    BuildContext.open(
                        dir,
                        ignoreRules(dir.resolve(".dockerignore")),
                        "build context \"" + name + "\""));
              }
            });
    return out;
  }

  private static PatternMatcher ignoreRules(Path file) {
    if (!Files.isRegularFile(file)) {
      return PatternMatcher.none();
    }
    try {
      return PatternMatcher.of(IgnoreFile.patterns(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new BuildException(Kind.INVALID, file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> imageContexts(BuildRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    r.additionalContexts()
        .forEach(
            (name, value) ->
                out.put(
                    name,
                    value.startsWith("docker-image://")
                        ? value
                        : Path.of(value).toAbsolutePath().toString()));
    return out;
  }

  private CacheImports cacheImports(BuildRequest r) {
    List<ImageHandle> from = new ArrayList<>();
    for (String ref : r.cacheFrom()) {
      images.find(ref).ifPresent(from::add);
    }
    return from.isEmpty() ? CacheImports.none() : CacheImports.from(from, store);
  }

  // created = when the last layer was made: an unchanged rebuild yields the same config, the same
  // id.
  private static byte[] imageConfig(
      BuildPlan plan, BuildExecutor.StageResult r, Map<String, String> cache) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("created", r.created().toString());
    out.putAll(plan.targetStage().image().fields());
    Map<String, Object> rootfs = new LinkedHashMap<>(); // ordered: the bytes are the image id
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", r.layers().stream().map(ImageStore.Layer::diffId).toList());
    out.put("rootfs", rootfs);
    out.put("history", r.history()); // one entry per layer: the base's was repaired (LayerHistory)
    out.put(CacheImports.FIELD, cache);
    return Json.bytes(out);
  }

  private Path dirs(String name) {
    try {
      return Files.createDirectories(root.resolve(name));
    } catch (IOException e) {
      throw new BuildException(
          Kind.INTERNAL, "cannot create " + root.resolve(name) + ": " + e.getMessage(), e);
    }
  }
}
