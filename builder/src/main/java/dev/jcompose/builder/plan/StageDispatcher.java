package dev.jcompose.builder.plan;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.DockerfileParser;
import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.dockerfile.InstructionParser;
import dev.jcompose.builder.dockerfile.InstructionParser.Stage;
import dev.jcompose.builder.dockerfile.ShellLex;
import dev.jcompose.builder.plan.BuildPlan.Base;
import dev.jcompose.builder.plan.BuildPlan.History;
import dev.jcompose.builder.plan.BuildPlan.PlannedStage;
import dev.jcompose.common.json.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one stage: runs its instructions (after the base image's ONBUILD triggers) over the image
 * config and the build args in scope, turning RUN, COPY/ADD and WORKDIR into keyed {@link Step}s
 * and everything else into config changes and history, as BuildKit's {@code dockerfile2llb}
 * dispatchers do. Single use.
 */
final class StageDispatcher {
  private final PlanContext ctx;
  private final Stage stage;
  private final ImageConfigEditor config;
  private final LinkedHashMap<String, String> args = new LinkedHashMap<>();
  private final List<String> argNames = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<History> history = new ArrayList<>();
  private final CopyPlanner copies;
  private final RunPlanner runs;
  private String key;
  private int number;
  private boolean cmdSet;

  StageDispatcher(
      PlanContext ctx, Stage stage, JsonNode baseImage, String baseKey, boolean baseIsScratch) {
    this.ctx = ctx;
    this.stage = stage;
    this.config = new ImageConfigEditor(baseImage, ctx.input().platform());
    this.key = baseKey;
    this.number = baseIsScratch ? 0 : 1;
    this.copies = new CopyPlanner(ctx, stage);
    this.runs = new RunPlanner(ctx, stage);
  }

  PlannedStage dispatch(Base base) {
    for (String trigger : config.onbuild()) {
      dispatch(trigger(trigger));
    }
    config.clearOnbuild();
    for (Instruction i : stage.body()) {
      dispatch(i);
    }
    if (stage.index() == ctx.target()) {
      ctx.input().labels().forEach(config::addLabel);
    }
    return new PlannedStage(
        stage.index(),
        stage.name(),
        base,
        List.copyOf(steps),
        config.snapshot(),
        List.copyOf(history),
        key);
  }

  // An ONBUILD trigger is parsed as a one-line Dockerfile; its errors point at this stage's FROM.
  private Instruction trigger(String text) {
    Location from = stage.from().location();
    try {
      DockerfileParser.Dockerfile d = DockerfileParser.parse(from.file(), text);
      if (d.nodes().size() != 1) {
        throw new IllegalArgumentException("onbuild trigger should be a single expression");
      }
      return InstructionParser.instruction(from.file(), d.nodes().get(0));
    } catch (BuildException | IllegalArgumentException e) {
      throw BuildException.at(
          from.file(),
          from.start(),
          "ONBUILD trigger \"" + text + "\" of the base image: " + e.getMessage());
    }
  }

  private void dispatch(Instruction i) {
    try {
      if (i instanceof Instruction.Arg a) {
        arg(a);
      } else if (i instanceof Instruction.Env e) {
        env(e);
      } else if (i instanceof Instruction.Label l) {
        label(l);
      } else if (i instanceof Instruction.Run r) {
        addStep(runs.plan(r, number + 1, key, config, env(), runArgs(), proxyEnv()));
      } else if (i instanceof Instruction.Copy c) {
        addStep(copies.plan(c, number + 1, key, config, env()));
      } else if (i instanceof Instruction.Workdir w) {
        workdir(w);
      } else {
        metadata(i);
      }
    } catch (ShellLex.LexException | IllegalArgumentException e) {
      throw BuildException.at(i.location().file(), i.location().start(), e.getMessage());
    }
  }

  private void addStep(Step step) {
    steps.add(step);
    number = step.number();
    key = step.key();
    history.add(new History(historyText(step), step.number()));
  }

  private String historyText(Step step) {
    if (step instanceof Step.Run r) {
      List<String> parts = new ArrayList<>();
      if (!argNames.isEmpty()) {
        parts.add("|" + argNames.size());
        argNames.forEach(n -> parts.add(n + "=" + args.getOrDefault(n, "")));
      }
      parts.addAll(r.args());
      return "RUN " + String.join(" ", parts) + " # buildkit";
    }
    if (step instanceof Step.Workdir w) {
      return "WORKDIR " + w.path();
    }
    return step.display() + " # buildkit";
  }

  /** The environment words expand in: build args in scope, overridden by ENV (docker's rule). */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>(args);
    for (String e : config.env()) {
      String[] kv = e.split("=", 2);
      env.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return env;
  }

  /** Build args for RUN's environment (ENV values take precedence and come from the config). */
  private Map<String, String> runArgs() {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> envKeys = new java.util.HashSet<>();
    config.env().forEach(e -> envKeys.add(e.split("=", 2)[0]));
    args.forEach(
        (k, v) -> {
          if (!envKeys.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private List<String> proxyEnv() {
    List<String> out = new ArrayList<>();
    ctx.input()
        .buildArgs()
        .forEach(
            (k, v) -> {
              if (PlanContext.isProxyArg(k) && !args.containsKey(k)) {
                out.add(k + "=" + v);
              }
            });
    return out;
  }

  private String expand(String word) {
    return ctx.lex().process(word, env()).value();
  }

  private void arg(Instruction.Arg a) {
    List<String> shown = new ArrayList<>();
    for (Instruction.ArgDef def : a.args()) {
      String name = def.name();
      String value;
      if (ctx.input().buildArgs().containsKey(name)) {
        value = ctx.input().buildArgs().get(name);
        ctx.used(name);
      } else if (def.defaultValue() != null) {
        value = expand(def.defaultValue());
      } else {
        value = ctx.metaArgs().get(name); // declared before FROM: inherits that value
      }
      if (value != null) {
        args.put(name, value);
      }
      argNames.remove(name);
      argNames.add(name);
      shown.add(value == null ? name : name + "=" + value);
    }
    history.add(new History("ARG " + String.join(" ", shown), 0));
  }

  private void env(Instruction.Env e) {
    List<String> shown = new ArrayList<>();
    for (Instruction.KeyValue kv : e.pairs()) {
      String k = expand(kv.key());
      String v = expand(kv.value());
      config.setEnv(k, v);
      shown.add(k + "=" + v);
    }
    history.add(new History("ENV " + String.join(" ", shown), 0));
  }

  private void label(Instruction.Label l) {
    List<String> shown = new ArrayList<>();
    for (Instruction.KeyValue kv : l.pairs()) {
      String k = expand(kv.key());
      String v = expand(kv.value());
      config.addLabel(k, v);
      shown.add(k + "=" + v);
    }
    history.add(new History("LABEL " + String.join(" ", shown), 0));
  }

  private void workdir(Instruction.Workdir w) {
    String dir = Paths.resolve(config.workdir(), expand(w.path()));
    config.setWorkdir(dir);
    if (dir.equals("/")) {
      history.add(new History("WORKDIR /", 0));
      return;
    }
    String user = config.user();
    String k = CacheKey.of("workdir").add(key).add(dir).add(user).hex();
    addStep(
        new Step.Workdir(
            number + 1, k, w.location(), "WORKDIR " + dir, dir, user.isEmpty() ? null : user));
  }

  private void metadata(Instruction i) {
    MetadataDispatcher m = new MetadataDispatcher(config, this::expand, ctx.lex(), this::env);
    if (i instanceof Instruction.Cmd) {
      cmdSet = true;
    } else if (i instanceof Instruction.Entrypoint && !cmdSet) {
      history.add(new History(m.apply(i), 0));
      config.setCmd(null); // ENTRYPOINT resets an inherited CMD (BuildKit dispatchEntrypoint)
      return;
    }
    history.add(new History(m.apply(i), 0));
  }
}
