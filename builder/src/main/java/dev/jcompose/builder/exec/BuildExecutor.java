package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildEvent;
import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.api.BuildListener;
import dev.jcompose.builder.cache.StepCache;
import dev.jcompose.builder.context.BuildContext;
import dev.jcompose.builder.context.UrlSources;
import dev.jcompose.builder.plan.BuildPlan;
import dev.jcompose.builder.plan.BuildPlan.History;
import dev.jcompose.builder.plan.BuildPlan.PlannedStage;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageStore.Layer;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.LayerHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a {@link BuildPlan} (the "do" half): a stage is computed when something needs it (the
 * target, a FROM, a COPY --from or a mount that missed the cache), each step is taken from the
 * layer cache when its key is there and its layer still stored, otherwise run and cached. Makes no
 * decisions the plan did not make. Single use.
 */
final class BuildExecutor {
  private final BuildPlan plan;
  private final ExecTools tools;
  private final StepCache cache;
  private final CacheImports imports;
  private final StoreImages images;
  private final BuildListener listener;
  private final boolean noCache;
  private final CopyStepRunner copies;
  private final RunStepRunner runs;
  private final WorkdirStepRunner workdirs;
  private final Map<Integer, StageResult> results = new HashMap<>();
  private final Map<String, String> cacheEntries = new LinkedHashMap<>();
  private final java.util.Set<Integer> baseChain = new java.util.HashSet<>();
  private int stepsRun;
  private int stepsCached;

  /** A built stage: its layers bottom first, its full history, and when its last layer was made. */
  record StageResult(List<Layer> layers, List<JsonNode> history, Instant created) {}

  /**
   * What the steps read besides the plan: contexts, downloads, secrets, where cache mounts live,
   * --no-cache.
   */
  record Inputs(
      Map<String, BuildContext> contexts,
      UrlSources urls,
      Map<String, byte[]> secrets,
      Path cacheMounts,
      boolean noCache) {}

  BuildExecutor(
      BuildPlan plan,
      ExecTools tools,
      StepCache cache,
      CacheImports imports,
      StoreImages images,
      BuildListener listener,
      Inputs inputs) {
    this.plan = plan;
    this.tools = tools;
    this.cache = cache;
    this.imports = imports;
    this.images = images;
    this.listener = listener;
    this.noCache = inputs.noCache();
    this.copies =
        new CopyStepRunner(tools.ops(), inputs.contexts(), inputs.urls(), this::layerDirs);
    this.runs =
        new RunStepRunner(
            tools, new RunMountSetup(tools, copies, inputs.secrets(), inputs.cacheMounts()));
    this.workdirs = new WorkdirStepRunner(tools.ops());
    for (PlannedStage st = plan.targetStage();
        st != null;
        st = st.base().kind() == BuildPlan.Base.Kind.STAGE ? plan.stage(st.base().stage()) : null) {
      baseChain.add(st.index());
    }
  }

  int stepsRun() {
    return stepsRun;
  }

  int stepsCached() {
    return stepsCached;
  }

  /**
   * Step key to {@code diffID@created} of the steps of the target and the stages it is FROM (the
   * steps every build of this target evaluates), for the image's inline cache.
   */
  Map<String, String> cacheEntries() {
    return cacheEntries;
  }

  StageResult result(int stage) {
    StageResult r = results.get(stage);
    if (r == null) {
      r = compute(plan.stage(stage));
      results.put(stage, r);
    }
    return r;
  }

  private List<Path> layerDirs(Step.CopyFrom from) {
    List<Layer> layers =
        switch (from.kind()) {
          case STAGE -> result(from.stage()).layers();
          case IMAGE -> tools.store().layers(images.handle(from.name()));
          case CONTEXT -> throw new IllegalStateException("a context has no layers");
        };
    return layers.stream().map(Layer::dir).toList();
  }

  private StageResult compute(PlannedStage s) {
    StageResult base = base(s);
    List<Layer> layers = new ArrayList<>(base.layers());
    List<JsonNode> history = new ArrayList<>(base.history());
    Instant last = base.created();
    Map<Integer, Step> byNumber = new HashMap<>();
    s.steps().forEach(st -> byNumber.put(st.number(), st));
    int total = s.steps().size() + (s.base().kind() == BuildPlan.Base.Kind.SCRATCH ? 0 : 1);
    for (History h : s.history()) {
      if (h.emptyLayer()) {
        history.add(entry(last, h.createdBy(), true));
        continue;
      }
      Step step = byNumber.get(h.step());
      String label =
          "["
              + (s.name().matches("\\d+") ? "stage-" + s.name() : s.name())
              + " "
              + step.number()
              + "/"
              + total
              + "] "
              + step.display();
      Outcome o = step(step, label, layers, baseChain.contains(s.index()));
      if (o.layer() != null) {
        layers.add(o.layer());
      }
      last = o.created();
      history.add(entry(last, h.createdBy(), o.layer() == null));
    }
    return new StageResult(List.copyOf(layers), List.copyOf(history), last);
  }

  private StageResult base(PlannedStage s) {
    return switch (s.base().kind()) {
      case SCRATCH -> new StageResult(List.of(), List.of(), Instant.EPOCH);
      case STAGE -> result(s.base().stage());
      default -> image(s.base().config(), s.base().reference());
    };
  }

  private StageResult image(JsonNode config, String reference) {
    List<Layer> layers = tools.store().layers(images.handle(reference));
    Instant created = LayerHistory.created(config, Instant.EPOCH);
    // repaired before the stage adds its entries, so that each of them pairs with its own layer
    return new StageResult(
        layers,
        LayerHistory.normalize(config.path("history").elements(), layers.size(), created),
        created);
  }

  private record Outcome(Layer layer, Instant created) {}

  private Outcome step(Step step, String label, List<Layer> below, boolean inline) {
    Optional<Outcome> hit = noCache ? Optional.empty() : lookup(step.key());
    if (hit.isPresent()) {
      listener.on(new BuildEvent(BuildEvent.Kind.CACHED, label, null, 0));
      stepsCached++;
      if (inline) {
        remember(step.key(), hit.get());
      }
      return hit.get();
    }
    prepareSources(step);
    listener.on(new BuildEvent(BuildEvent.Kind.STEP, label, null, 0));
    long start = System.nanoTime();
    Layer layer = execute(step, below.stream().map(Layer::dir).toList());
    Outcome o = new Outcome(layer, Instant.now());
    cache.put(step.key(), new StepCache.Entry(layer == null ? "" : layer.diffId(), o.created()));
    if (inline) {
      remember(step.key(), o);
    }
    stepsRun++;
    listener.on(
        new BuildEvent(BuildEvent.Kind.DONE, label, null, (System.nanoTime() - start) / 1_000_000));
    return o;
  }

  // Stages a step reads are built before it is announced, so progress reads in order.
  private void prepareSources(Step step) {
    if (step instanceof Step.Copy c && c.from().kind() == Step.CopyFrom.Kind.STAGE) {
      result(c.from().stage());
    } else if (step instanceof Step.Run r) {
      r.mounts().stream()
          .filter(m -> m.from() != null && m.from().kind() == Step.CopyFrom.Kind.STAGE)
          .forEach(m -> result(m.from().stage()));
    }
  }

  private void remember(String key, Outcome o) {
    cacheEntries.put(key, (o.layer() == null ? "" : o.layer().diffId()) + "@" + o.created());
  }

  private Optional<Outcome> lookup(String key) {
    Optional<StepCache.Entry> entry = cache.get(key).or(() -> imports.entry(key));
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    if (entry.get().emptyLayer()) {
      return Optional.of(new Outcome(null, entry.get().created()));
    }
    return tools
        .store()
        .layer(entry.get().diffId())
        .or(() -> imports.layer(entry.get().diffId()))
        .map(l -> new Outcome(l, entry.get().created()));
  }

  private Layer execute(Step step, List<Path> below) {
    Path dir = null;
    try {
      if (step instanceof Step.Run r) {
        dir =
            runs.run(
                r,
                below,
                line -> listener.on(new BuildEvent(BuildEvent.Kind.OUTPUT, null, line, 0)));
      } else {
        dir = tools.store().newLayerDir();
        if (step instanceof Step.Copy c) {
          copies.run(c, dir, below);
        } else {
          workdirs.run((Step.Workdir) step, dir, below);
        }
        if (Trees.isEmptyDir(dir)) {
          Trees.deleteRecursively(dir);
          dir = null;
        }
      }
      return dir == null ? null : tools.store().commitLayer(dir);
    } catch (BuildException e) {
      cleanup(dir);
      String where = step.location().toString();
      throw e.getMessage().startsWith(where)
          ? e
          : new BuildException(e.kind(), where + ": " + step.display() + ": " + e.getMessage(), e);
    } catch (ContainerException e) {
      cleanup(dir);
      throw new BuildException(
          Kind.FAILED, step.location() + ": " + step.display() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      cleanup(dir);
      throw new BuildException(
          Kind.INTERNAL, step.location() + ": " + step.display() + ": " + e, e);
    }
  }

  private static void cleanup(Path dir) {
    if (dir != null) {
      try {
        Trees.deleteRecursively(dir);
      } catch (IOException ignored) {
        // best effort: a leftover temp dir under the store's tmp is harmless
      }
    }
  }

  private static JsonNode entry(Instant created, String createdBy, boolean empty) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("created", created.toString());
    h.put("created_by", createdBy);
    h.put("comment", "buildkit.dockerfile.v0");
    if (empty) {
      h.put("empty_layer", true);
    }
    return Json.tree(h);
  }
}
