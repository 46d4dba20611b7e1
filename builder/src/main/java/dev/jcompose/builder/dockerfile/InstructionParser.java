package dev.jcompose.builder.dockerfile;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.DockerfileParser.Dockerfile;
import dev.jcompose.builder.dockerfile.Instruction.ArgDef;
import dev.jcompose.builder.dockerfile.Instruction.CommandLine;
import dev.jcompose.builder.dockerfile.Instruction.KeyValue;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.common.time.GoDuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link Node}s to typed {@link Instruction}s grouped in stages (BuildKit {@code
 * instructions/parse.go}): argument counts, flags per keyword, stage names. Words stay unexpanded.
 * Errors name file and line.
 */
public final class InstructionParser {
  // the instructions that take no --flags (the others parse their own)
  private static final Set<String> WITHOUT_FLAGS =
      Set.of(
          "arg",
          "env",
          "label",
          "cmd",
          "entrypoint",
          "shell",
          "workdir",
          "user",
          "expose",
          "volume",
          "stopsignal",
          "maintainer");

  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Set<String> NONE = Set.of();

  private InstructionParser() {}

  /** A build stage: its FROM and the instructions up to the next FROM. */
  public record Stage(int index, Instruction.From from, List<Instruction> body) {
    /** The name {@code --from} and {@code --target} use: {@code AS} name, else the index. */
    public String name() {
      return from.stageName() != null ? from.stageName() : Integer.toString(index);
    }
  }

  /** A whole Dockerfile: the ARGs before the first FROM, then the stages. */
  public record Program(
      String file,
      List<Instruction.Arg> metaArgs,
      List<Stage> stages,
      char escape,
      String syntax,
      List<String> warnings) {}

  public static Program parse(Dockerfile dockerfile) {
    List<Instruction.Arg> meta = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Instruction.From from = null;
    List<Instruction> body = new ArrayList<>();
    for (Node node : dockerfile.nodes()) {
      Instruction i = instruction(dockerfile.file(), node);
      if (i instanceof Instruction.From f) {
        if (from != null) {
          stages.add(new Stage(stages.size(), from, List.copyOf(body)));
        }
        from = f;
        body = new ArrayList<>();
      } else if (from == null && i instanceof Instruction.Arg a) {
        meta.add(a);
      } else if (from == null) {
        throw BuildException.at(
            dockerfile.file(),
            node.startLine(),
            "no build stage in current context ("
                + node.keyword().toUpperCase(Locale.ROOT)
                + " before the first FROM)");
      } else {
        body.add(i);
      }
    }
    if (from == null) {
      throw BuildException.at(dockerfile.file(), 1, "the Dockerfile has no FROM instruction");
    }
    stages.add(new Stage(stages.size(), from, List.copyOf(body)));
    return new Program(
        dockerfile.file(),
        List.copyOf(meta),
        List.copyOf(stages),
        dockerfile.escape(),
        dockerfile.syntax(),
        dockerfile.warnings());
  }

  /** One node (also an ONBUILD trigger re-parsed later). */
  public static Instruction instruction(String file, Node node) {
    Location loc = new Location(file, node.startLine(), node.endLine(), node.original());
    try {
      return typed(node, loc);
    } catch (Flags.FlagException | IllegalArgumentException e) {
      throw BuildException.at(file, node.startLine(), e.getMessage());
    }
  }

  private static Instruction typed(Node n, Location loc) {
    List<String> a = n.args();
    if (WITHOUT_FLAGS.contains(n.keyword())) {
      noFlags(n);
    }
    return switch (n.keyword()) {
      case "from" -> {
        Flags f = Flags.parse(n.flags(), Set.of("platform"), NONE, NONE);
        yield new Instruction.From(
            a.isEmpty() ? "" : a.get(0), stageName(a), f.string("platform"), loc);
      }
      case "arg" -> new Instruction.Arg(argDefs(a), loc);
      case "env" -> new Instruction.Env(pairs(a, "ENV"), loc);
      case "label" -> new Instruction.Label(pairs(a, "LABEL"), loc);
      case "run" -> run(n, loc);
      case "cmd" -> new Instruction.Cmd(new CommandLine(a, !n.json()), loc);
      case "entrypoint" -> new Instruction.Entrypoint(new CommandLine(a, !n.json()), loc);
      case "shell" -> {
        if (!n.json()) {
          throw new IllegalArgumentException("SHELL requires the arguments to be in JSON form");
        }
        if (a.isEmpty()) {
          throw new IllegalArgumentException("SHELL requires at least one argument");
        }
        yield new Instruction.Shell(a, loc);
      }
      case "workdir" -> new Instruction.Workdir(exactlyOne(a, "WORKDIR"), loc);
      case "user" -> new Instruction.User(exactlyOne(a, "USER"), loc);
      case "expose" -> {
        atLeastOne(a, "EXPOSE");
        yield new Instruction.Expose(a.stream().sorted().toList(), loc);
      }
      case "volume" -> {
        atLeastOne(a, "VOLUME");
        yield new Instruction.Volume(a, loc);
      }
      case "stopsignal" -> new Instruction.StopSignal(exactlyOne(a, "STOPSIGNAL"), loc);
      case "healthcheck" -> healthcheck(n, loc);
      case "onbuild" -> onbuild(n, loc);
      case "maintainer" -> new Instruction.Maintainer(exactlyOne(a, "MAINTAINER"), loc);
      case "copy", "add" -> copy(n, loc);
      default ->
          throw new IllegalArgumentException(
              "unknown instruction: " + n.original().strip().split("\\s+", 2)[0]);
    };
  }

  private static void noFlags(Node n) {
    Flags.parse(n.flags(), NONE, NONE, NONE);
  }

  private static String stageName(List<String> a) {
    if (a.size() == 3 && a.get(1).equalsIgnoreCase("as")) {
      String name = a.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "invalid name for build stage: \""
                + a.get(2)
                + "\", name can't start with a number or contain symbols");
      }
      return name;
    }
    if (a.size() != 1) {
      throw new IllegalArgumentException("FROM requires either one or three arguments");
    }
    return null;
  }

  private static List<ArgDef> argDefs(List<String> words) {
    atLeastOne(words, "ARG");
    List<ArgDef> out = new ArrayList<>();
    for (String w : words) {
      int eq = w.indexOf('=');
      out.add(eq < 0 ? new ArgDef(w, null) : new ArgDef(w.substring(0, eq), w.substring(eq + 1)));
    }
    return out;
  }

  private static List<KeyValue> pairs(List<String> triples, String keyword) {
    atLeastOne(triples, keyword);
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i + 1 < triples.size(); i += 3) {
      if (triples.get(i).isEmpty()) {
        throw new IllegalArgumentException(keyword + " names can not be blank");
      }
      out.add(new KeyValue(triples.get(i), triples.get(i + 1)));
    }
    return out;
  }

  private static Instruction run(Node n, Location loc) {
    Flags f = Flags.parse(n.flags(), Set.of("network", "security"), Set.of("mount"), NONE);
    if (n.args().isEmpty()) {
      throw new IllegalArgumentException("RUN requires at least one argument");
    }
    List<String> args = n.json() ? n.args() : List.of(String.join(" ", n.args()));
    return new Instruction.Run(
        new CommandLine(args, !n.json()),
        n.heredocs(),
        f.list("mount"),
        f.string("network"),
        f.string("security"),
        loc);
  }

  private static Instruction healthcheck(Node n, Location loc) {
    List<String> a = n.args();
    atLeastOne(a, "HEALTHCHECK");
    String type = a.get(0).toUpperCase(Locale.ROOT);
    if (type.equals("NONE")) {
      noFlags(n);
      if (a.size() != 1) {
        throw new IllegalArgumentException("HEALTHCHECK NONE takes no arguments");
      }
      return new Instruction.Healthcheck(List.of("NONE"), 0, 0, 0, 0, 0, loc);
    }
    Flags f =
        Flags.parse(
            n.flags(),
            Set.of("interval", "timeout", "start-period", "start-interval", "retries"),
            NONE,
            NONE);
    if (!type.equals("CMD")) {
      throw new IllegalArgumentException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
    }
    List<String> cmd = a.subList(1, a.size());
    if (cmd.isEmpty()) {
      throw new IllegalArgumentException("Missing command after HEALTHCHECK CMD");
    }
    List<String> test = new ArrayList<>();
    test.add(n.json() ? "CMD" : "CMD-SHELL");
    test.addAll(n.json() ? cmd : List.of(String.join(" ", cmd)));
    return new Instruction.Healthcheck(
        List.copyOf(test),
        interval(f, "interval"),
        interval(f, "timeout"),
        interval(f, "start-period"),
        interval(f, "start-interval"),
        retries(f.string("retries")),
        loc);
  }

  private static long interval(Flags f, String name) {
    String v = f.string(name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    long nanos =
        GoDuration.parseNanos(v, GoDuration.Units.GO); // HEALTHCHECK flags: time.ParseDuration
    if (nanos < 1_000_000L) {
      throw new IllegalArgumentException("Interval \"" + name + "\" cannot be less than 1ms");
    }
    return nanos;
  }

  private static int retries(String v) {
    if (v == null || v.isEmpty()) {
      return 0;
    }
    int r;
    try {
      r = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid --retries value \"" + v + "\"");
    }
    if (r < 1) {
      throw new IllegalArgumentException("--retries must be at least 1 (not " + r + ")");
    }
    return r;
  }

  private static Instruction onbuild(Node n, Location loc) {
    noFlags(n);
    if (n.sub() == null) {
      throw new IllegalArgumentException("ONBUILD requires at least one argument");
    }
    String trigger = n.sub().keyword().toUpperCase(Locale.ROOT);
    if (trigger.equals("ONBUILD")) {
      throw new IllegalArgumentException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
    if (trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
      throw new IllegalArgumentException(trigger + " isn't allowed as an ONBUILD trigger");
    }
    StringBuilder expression =
        new StringBuilder(n.original().replaceFirst("(?i)^\\s*ONBUILD\\s*", ""));
    for (Heredoc h : n.heredocs()) {
      expression.append('\n').append(h.content()).append(h.name());
    }
    return new Instruction.Onbuild(expression.toString(), loc);
  }

  private static Instruction copy(Node n, Location loc) {
    boolean add = n.keyword().equals("add");
    String keyword = add ? "ADD" : "COPY";
    Flags f =
        add
            ? Flags.parse(
                n.flags(),
                Set.of("chown", "chmod", "checksum"),
                Set.of("exclude"),
                Set.of("link", "keep-git-dir"))
            : Flags.parse(
                n.flags(),
                Set.of("chown", "chmod", "from"),
                Set.of("exclude"),
                Set.of("link", "parents"));
    List<String> a = n.args();
    if (a.size() < 2) {
      throw new IllegalArgumentException(
          keyword
              + " requires at least two arguments, but only "
              + a.size()
              + " was provided. Destination could not be determined");
    }
    String dest = a.get(a.size() - 1);
    if (DockerfileParser.heredoc(dest) != null) {
      throw new IllegalArgumentException(keyword + " cannot accept a heredoc as a destination");
    }
    Map<String, Heredoc> byName = new java.util.HashMap<>();
    n.heredocs().forEach(h -> byName.put(h.name(), h));
    List<String> sources = new ArrayList<>();
    List<Heredoc> inline = new ArrayList<>();
    for (String src : a.subList(0, a.size() - 1)) {
      Heredoc h = n.json() ? null : DockerfileParser.heredoc(src);
      if (h != null && byName.containsKey(h.name())) {
        inline.add(byName.get(h.name()));
      } else {
        sources.add(src);
      }
    }
    if (add && f.bool("keep-git-dir")) {
      throw new IllegalArgumentException("ADD --keep-git-dir: git sources are not supported");
    }
    return new Instruction.Copy(
        add,
        List.copyOf(sources),
        List.copyOf(inline),
        dest,
        add ? null : f.string("from"),
        f.string("chown"),
        f.string("chmod"),
        f.bool("link"),
        f.list("exclude"),
        add ? f.string("checksum") : null,
        !add && f.bool("parents"),
        loc);
  }

  private static String exactlyOne(List<String> a, String keyword) {
    if (a.size() != 1) {
      throw new IllegalArgumentException(keyword + " requires exactly one argument");
    }
    return a.get(0);
  }

  private static void atLeastOne(List<String> a, String keyword) {
    if (a.isEmpty()) {
      throw new IllegalArgumentException(keyword + " requires at least one argument");
    }
  }
}
