package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Heredoc;
import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.InstructionParser.Stage;
import dev.jcompose.builder.dockerfile.ShellLex;
import dev.jcompose.builder.plan.Step.CopyFrom;
import dev.jcompose.builder.plan.Step.InlineFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * COPY and ADD to a {@link Step.Copy}: words expanded, the destination made absolute against
 * WORKDIR, {@code --from} resolved, heredoc files expanded unless their delimiter was quoted, and
 * the key built from the parent (not with {@code --link}: the layer does not depend on what is
 * below it) and the content digests of the sources.
 */
final class CopyPlanner {
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private final PlanContext ctx;
  private final Stage stage;

  CopyPlanner(PlanContext ctx, Stage stage) {
    this.ctx = ctx;
    this.stage = stage;
  }

  Step.Copy plan(
      Instruction.Copy c,
      int number,
      String parentKey,
      ImageConfigEditor config,
      Map<String, String> env) {
    if (c.parents()) {
      throw new IllegalArgumentException("COPY --parents is not supported");
    }
    ShellLex lex = ctx.lex();
    CopyFrom from =
        from(c.from() == null ? null : lex.process(c.from(), env).value(), c.location());
    List<String> sources = new ArrayList<>();
    for (String s : c.sources()) {
      sources.add(lex.process(s, env).value());
    }
    String dest = Paths.resolve(config.workdir(), lex.process(c.dest(), env).value(), true);
    String chown = c.chown() == null ? null : lex.process(c.chown(), env).value();
    String chmod = c.chmod() == null ? null : lex.process(c.chmod(), env).value();
    if (chmod != null && !OCTAL.matcher(chmod).matches()) {
      throw new IllegalArgumentException(
          "invalid --chmod value \"" + chmod + "\" (an octal mode such as 0755 is expected)");
    }
    List<String> excludes = c.excludes().stream().map(e -> lex.process(e, env).value()).toList();
    checkSources(c, sources, dest);
    List<InlineFile> inline = inline(c.inline(), env);
    String checksum = checksum(c, sources);
    List<String> digests = new ArrayList<>();
    for (String s : sources) {
      digests.add(digest(from, s, excludes, checksum, c.location()));
    }
    inline.forEach(f -> digests.add(f.name() + ":" + CacheKey.of("inline").add(f.content()).hex()));
    String key =
        CacheKey.of(c.add() ? "add" : "copy")
            .add(c.link() ? "" : parentKey)
            .add(from)
            .add(dest)
            .add(chown)
            .add(chmod)
            .add(c.link())
            .addAll(excludes)
            .addAll(sources)
            .addAll(digests)
            .hex();
    return new Step.Copy(
        number,
        key,
        c.location(),
        display(c, from, sources, inline, dest, chown, chmod),
        from,
        List.copyOf(sources),
        inline,
        dest,
        chown,
        chmod,
        c.link(),
        excludes,
        c.add(),
        checksum);
  }

  private CopyFrom from(String name, Instruction.Location where) {
    if (name == null) {
      return CopyFrom.context("");
    }
    Origins.Origin o = ctx.origins().resolve(name, stage.index(), false);
    Origins.checkOrder(o, stage.index(), stage.name(), where);
    return switch (o.kind()) {
      case CONTEXT -> CopyFrom.context(o.name());
      case STAGE -> new CopyFrom(CopyFrom.Kind.STAGE, o.name(), o.stage(), null);
      case IMAGE -> {
        if (o.scratch()) {
          throw new IllegalArgumentException("COPY --from=scratch copies nothing");
        }
        yield new CopyFrom(
            CopyFrom.Kind.IMAGE,
            o.name(),
            -1,
            ctx.input().images().resolve(o.name(), where).imageId());
      }
    };
  }

  private static void checkSources(Instruction.Copy c, List<String> sources, String dest) {
    for (String s : sources) {
      if (isUrl(s) && !c.add()) {
        throw new IllegalArgumentException("source can't be a URL for COPY");
      }
      if (s.startsWith("git@") || s.endsWith(".git") || s.contains(".git#")) {
        throw new IllegalArgumentException("git sources are not supported (" + s + ")");
      }
    }
    if (sources.size() + c.inline().size() > 1 && !dest.endsWith("/")) {
      throw new IllegalArgumentException(
          "When using "
              + c.keyword()
              + " with more than one source file, the destination must be a directory and end with a /");
    }
  }

  private List<InlineFile> inline(List<Heredoc> docs, Map<String, String> env) {
    List<InlineFile> out = new ArrayList<>();
    ShellLex raw = new ShellLex('\\').skipProcessQuotes();
    for (Heredoc h : docs) {
      out.add(new InlineFile(h.name(), h.expand() ? raw.process(h.body(), env).value() : h.body()));
    }
    return List.copyOf(out);
  }

  private static String checksum(Instruction.Copy c, List<String> sources) {
    if (c.checksum() == null) {
      return null;
    }
    if (sources.size() != 1 || !isUrl(sources.get(0))) {
      throw new IllegalArgumentException("ADD --checksum needs exactly one http(s) source");
    }
    if (!SHA256.matcher(c.checksum()).matches()) {
      throw new IllegalArgumentException(
          "invalid --checksum \"" + c.checksum() + "\" (sha256:<64 hex> expected)");
    }
    return c.checksum();
  }

  private String digest(
      CopyFrom from,
      String source,
      List<String> excludes,
      String checksum,
      Instruction.Location where) {
    if (isUrl(source)) {
      return ctx.input().sources().url(source, checksum, where);
    }
    return switch (from.kind()) {
      case CONTEXT -> ctx.input().sources().context(from.name(), source, excludes, where);
      case STAGE -> "stage:" + ctx.planned(from.stage()).finalKey();
      case IMAGE -> "image:" + from.imageId();
    };
  }

  static boolean isUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://");
  }

  private static String display(
      Instruction.Copy c,
      CopyFrom from,
      List<String> sources,
      List<InlineFile> inline,
      String dest,
      String chown,
      String chmod) {
    StringBuilder s = new StringBuilder(c.keyword());
    if (c.from() != null) {
      s.append(" --from=").append(from.kind() == CopyFrom.Kind.STAGE ? from.name() : c.from());
    }
    if (chown != null) {
      s.append(" --chown=").append(chown);
    }
    if (chmod != null) {
      s.append(" --chmod=").append(chmod);
    }
    if (c.link()) {
      s.append(" --link");
    }
    sources.forEach(x -> s.append(' ').append(x));
    inline.forEach(f -> s.append(" <<").append(f.name()));
    return s.append(' ').append(dest).toString();
  }
}
