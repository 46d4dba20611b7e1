package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.DockerfileParser;
import dev.jcompose.builder.dockerfile.Heredoc;
import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.InstructionParser.Stage;
import dev.jcompose.builder.plan.RunMount.MountFrom;
import dev.jcompose.builder.plan.Step.CopyFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RUN to a {@link Step.Run}: the command wrapped in SHELL (heredocs as BuildKit runs them: a lone
 * heredoc with a shebang becomes a script file, a lone plain one the shell's script, others are
 * handed to the shell whole), its mounts, network and environment, and its cache key.
 */
final class RunPlanner {
  private static final String PIPES = "/dev/pipes/";
  private final PlanContext ctx;
  private final Stage stage;

  RunPlanner(PlanContext ctx, Stage stage) {
    this.ctx = ctx;
    this.stage = stage;
  }

  Step.Run plan(
      Instruction.Run r,
      int number,
      String parentKey,
      ImageConfigEditor config,
      Map<String, String> env,
      Map<String, String> runArgs,
      List<String> proxyEnv) {
    List<RunMount> mounts = new ArrayList<>();
    List<String> mountKeys = new ArrayList<>();
    for (String raw : r.mounts()) {
      RunMount m = mount(ctx.lex().process(raw, env).value(), r.location());
      mounts.add(m);
      mountKeys.add(m.describe() + " " + sourceKey(m, r.location()));
    }
    List<String> args = command(r, config, mounts);
    List<String> runEnv = new ArrayList<>(config.env());
    runArgs.forEach((k, v) -> runEnv.add(k + "=" + v));
    String user = config.user().isEmpty() ? null : config.user();
    String network =
        network(r.network() == null ? null : ctx.lex().process(r.network(), env).value());
    security(r.security());
    String key =
        CacheKey.of("run")
            .add(parentKey)
            .addAll(args)
            .addAll(runEnv)
            .add(config.workdir())
            .add(user)
            .add(network)
            .addAll(mountKeys)
            .addAll(ctx.input().extraHosts())
            .hex();
    return new Step.Run(
        number,
        key,
        r.location(),
        display(r),
        args,
        List.copyOf(runEnv),
        proxyEnv,
        config.workdir(),
        user,
        network,
        List.copyOf(mounts),
        ctx.input().extraHosts());
  }

  private List<String> command(Instruction.Run r, ImageConfigEditor config, List<RunMount> mounts) {
    List<String> cmd = r.command().args();
    if (!r.command().prependShell()) {
      return cmd;
    }
    String script = cmd.get(0);
    if (!r.heredocs().isEmpty()) {
      Heredoc only = DockerfileParser.heredoc(script.strip());
      if (only != null && r.heredocs().size() == 1) {
        Heredoc doc = r.heredocs().get(0);
        if (doc.body().startsWith("#!")) {
          mounts.add(
              new RunMount(
                  RunMount.Type.FILE,
                  PIPES + doc.name(),
                  null,
                  null,
                  true,
                  null,
                  null,
                  0755,
                  null,
                  null,
                  null,
                  false,
                  doc.body()));
          return List.of(PIPES + doc.name());
        }
        script = doc.body();
      } else {
        StringBuilder full = new StringBuilder(script);
        r.heredocs().forEach(h -> full.append('\n').append(h.content()).append(h.name()));
        script = full.toString();
      }
    }
    List<String> out = new ArrayList<>(config.shell());
    out.add(script);
    return out;
  }

  private RunMount mount(String value, Instruction.Location where) {
    RunMounts.Parsed p = RunMounts.parse(value);
    MountFrom from = null;
    if (p.from() != null) {
      Origins.Origin o = ctx.origins().resolve(p.from(), stage.index(), false);
      Origins.checkOrder(o, stage.index(), stage.name(), where);
      String imageId =
          o.kind() == CopyFrom.Kind.IMAGE && !o.scratch()
              ? ctx.input().images().resolve(o.name(), where).imageId()
              : null;
      from = new MountFrom(o.kind(), o.name(), o.stage(), imageId);
    }
    return new RunMount(
        p.type(),
        p.target(),
        p.source(),
        from,
        p.readOnly(),
        p.id(),
        p.sharing(),
        p.mode(),
        p.uid(),
        p.gid(),
        p.size(),
        p.required(),
        null);
  }

  /** What a mount brings in, as part of the key: bind content digests, stage keys, image ids. */
  private String sourceKey(RunMount m, Instruction.Location where) {
    if (m.type() == RunMount.Type.FILE) {
      return CacheKey.of("file").add(m.content()).hex();
    }
    if (m.type() != RunMount.Type.BIND) {
      return m.from() == null ? "" : originKey(m.from());
    }
    if (m.from() == null || m.from().kind() == CopyFrom.Kind.CONTEXT) {
      String name = m.from() == null ? "" : m.from().name();
      return ctx.input().sources().context(name, m.source(), List.of(), where);
    }
    return originKey(m.from()) + ":" + m.source();
  }

  private String originKey(MountFrom f) {
    return switch (f.kind()) {
      case STAGE -> "stage:" + ctx.planned(f.stage()).finalKey();
      case IMAGE -> "image:" + f.imageId();
      case CONTEXT -> "context:" + f.name();
    };
  }

  private String network(String requested) {
    String n = requested == null ? ctx.input().network() : requested;
    if (n.equals("default")) {
      return ctx.input().network();
    }
    if (n.equals("none")) {
      return "none";
    }
    if (n.equals("host")) {
      if (!"host".equals(ctx.input().network())) {
        throw new IllegalArgumentException(
            "RUN --network=host needs the build's network to be host (build.network: host)");
      }
      return "host";
    }
    throw new IllegalArgumentException(
        "unsupported network mode \"" + n + "\" (default, none or host)");
  }

  private static void security(String s) {
    if (s != null && !s.equals("sandbox")) {
      throw new IllegalArgumentException(
          "RUN --security="
              + s
              + " is not allowed: it would need the security.insecure entitlement");
    }
  }

  private static String display(Instruction.Run r) {
    String text = r.location().text().strip();
    int sp = text.indexOf(' ');
    return sp < 0 ? "RUN" : "RUN " + text.substring(sp + 1).strip();
  }
}
