package dev.jcompose.builder.plan;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.dockerfile.InstructionParser.Program;
import dev.jcompose.builder.dockerfile.InstructionParser.Stage;
import dev.jcompose.builder.dockerfile.ShellLex;
import dev.jcompose.builder.plan.BuildPlan.Base;
import dev.jcompose.builder.plan.BuildPlan.PlannedStage;
import dev.jcompose.builder.plan.Step.CopyFrom;
import dev.jcompose.common.json.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dockerfile + build args + target to a {@link BuildPlan}, deciding everything before anything runs
 * (the "decide, then do" half of a build). Deterministic for the same input; its only outside reads
 * go through {@link BaseImages} and {@link SourceDigests}. Stages the target does not reach are
 * neither resolved nor planned, as BuildKit skips them.
 */
public final class BuildPlanner {
  private BuildPlanner() {}

  public static BuildPlan plan(PlanInput in) {
    Program p = in.program();
    ShellLex lex = new ShellLex(p.escape());
    Map<String, String> meta = metaArgs(in, lex);
    List<String> names = p.stages().stream().map(s -> s.from().stageName()).toList();
    Origins origins = new Origins(names, in.namedContexts());
    int target = target(p, in.target());
    List<Origins.Origin> bases = new ArrayList<>();
    for (Stage s : p.stages()) {
      bases.add(base(s, lex, meta, origins, in.platform()));
    }
    boolean[] reachable = reachable(p, bases, origins, lex, meta, target);
    PlanContext ctx = new PlanContext(in, lex, meta, origins, target);
    List<PlannedStage> planned = new ArrayList<>();
    for (Stage s : p.stages()) {
      if (reachable[s.index()]) {
        PlannedStage st = stage(ctx, s, bases.get(s.index()));
        ctx.add(st);
        planned.add(st);
      }
    }
    return new BuildPlan(List.copyOf(planned), target, warnings(in, ctx));
  }

  // ARGs before the first FROM: the platform args are predefined (BuildKit getPlatformArgs),
  // --build-arg overrides, defaults expand with the args before them.
  private static Map<String, String> metaArgs(PlanInput in, ShellLex lex) {
    Map<String, String> meta = new LinkedHashMap<>();
    String[] platform = in.platform().split("/", -1);
    for (String prefix : List.of("BUILD", "TARGET")) {
      meta.put(prefix + "PLATFORM", in.platform());
      meta.put(prefix + "OS", platform[0]);
      meta.put(prefix + "ARCH", platform[1]);
      meta.put(prefix + "VARIANT", platform.length > 2 ? platform[2] : "");
    }
    meta.replaceAll((k, v) -> in.buildArgs().getOrDefault(k, v));
    for (Instruction.Arg a : in.program().metaArgs()) {
      for (Instruction.ArgDef def : a.args()) {
        String value = in.buildArgs().get(def.name());
        if (value == null && def.defaultValue() != null) {
          value = expand(lex, def.defaultValue(), meta, a.location());
        }
        meta.put(def.name(), value);
      }
    }
    return meta;
  }

  private static String expand(
      ShellLex lex, String word, Map<String, String> meta, Location where) {
    Map<String, String> env = new LinkedHashMap<>();
    meta.forEach(
        (k, v) -> {
          if (v != null) {
            env.put(k, v);
          }
        });
    try {
      return lex.process(word, env).value();
    } catch (ShellLex.LexException e) {
      throw BuildException.at(where.file(), where.start(), e.getMessage());
    }
  }

  private static int target(Program p, String target) {
    if (target == null || target.isEmpty()) {
      return p.stages().size() - 1;
    }
    for (Stage s : p.stages()) {
      if (target.toLowerCase(Locale.ROOT).equals(s.from().stageName())) {
        return s.index();
      }
    }
    throw new BuildException(
        BuildException.Kind.INVALID,
        "target stage \"" + target + "\" could not be found in " + p.file());
  }

  private static Origins.Origin base(
      Stage s, ShellLex lex, Map<String, String> meta, Origins origins, String host) {
    Location loc = s.from().location();
    String name = expand(lex, s.from().image(), meta, loc);
    if (name.isEmpty()) {
      throw BuildException.at(
          loc.file(), loc.start(), "base name (" + s.from().image() + ") should not be blank");
    }
    if (s.from().platform() != null) {
      String platform = expand(lex, s.from().platform(), meta, loc);
      if (!samePlatform(platform, host)) {
        throw BuildException.at(
            loc.file(),
            loc.start(),
            "FROM --platform="
                + platform
                + ": only the host's platform "
                + host
                + " can be built (no emulation)");
      }
    }
    try {
      Origins.Origin o = origins.resolve(name, s.index(), true);
      if (o.kind() == CopyFrom.Kind.CONTEXT) {
        throw BuildException.at(
            loc.file(),
            loc.start(),
            "FROM " + name + ": a directory context cannot be a base image");
      }
      return o;
    } catch (IllegalArgumentException e) {
      throw BuildException.at(loc.file(), loc.start(), e.getMessage());
    }
  }

  static boolean samePlatform(String requested, String host) {
    String[] r = requested.toLowerCase(Locale.ROOT).split("/", -1);
    String[] h = host.split("/", -1);
    return r.length >= 2
        && r[0].equals(h[0])
        && r[1].equals(h[1])
        && (r.length < 3 || h.length < 3 || r[2].equals(h[2]));
  }

  // The target, the stages it starts FROM, and those it copies or mounts from, transitively.
  private static boolean[] reachable(
      Program p,
      List<Origins.Origin> bases,
      Origins origins,
      ShellLex lex,
      Map<String, String> meta,
      int target) {
    boolean[] seen = new boolean[p.stages().size()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (seen[i]) {
        continue;
      }
      seen[i] = true;
      if (bases.get(i).kind() == CopyFrom.Kind.STAGE) {
        todo.push(bases.get(i).stage());
      }
      for (String from : StageDeps.froms(p.stages().get(i))) {
        try {
          Origins.Origin o =
              origins.resolve(
                  expand(lex, from, meta, p.stages().get(i).from().location()), i, false);
          if (o.kind() == CopyFrom.Kind.STAGE) {
            todo.push(o.stage());
          }
        } catch (IllegalArgumentException e) {
          // reported with its line when the stage is planned
        }
      }
    }
    return seen;
  }

  private static PlannedStage stage(PlanContext ctx, Stage s, Origins.Origin o) {
    Base base;
    JsonNode baseImage;
    String key;
    if (o.scratch()) {
      base = new Base(Base.Kind.SCRATCH, null, null, -1, null);
      baseImage = null;
      key = CacheKey.of("scratch").hex();
    } else if (o.kind() == CopyFrom.Kind.STAGE) {
      PlannedStage from = ctx.planned(o.stage());
      base = new Base(Base.Kind.STAGE, from.name(), null, from.index(), null);
      baseImage = from.image();
      key = from.finalKey();
    } else {
      ImageInfo info = ctx.input().images().resolve(o.name(), s.from().location());
      base = new Base(Base.Kind.IMAGE, info.reference(), info.imageId(), -1, info.config());
      baseImage = info.config();
      key = CacheKey.of("image").add(info.imageId()).hex();
    }
    return new StageDispatcher(ctx, s, baseImage, key, o.scratch()).dispatch(base);
  }

  private static List<String> warnings(PlanInput in, PlanContext ctx) {
    List<String> out = new ArrayList<>(in.program().warnings());
    TreeSet<String> unused = new TreeSet<>();
    for (String name : in.buildArgs().keySet()) {
      if (!ctx.isUsed(name) && !ctx.metaArgs().containsKey(name) && !PlanContext.isProxyArg(name)) {
        unused.add(name);
      }
    }
    if (!unused.isEmpty()) {
      out.add("One or more build-args " + unused + " were not consumed");
    }
    return List.copyOf(out);
  }
}
