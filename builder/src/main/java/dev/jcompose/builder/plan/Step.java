package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Instruction.Location;
import java.util.List;

/**
 * One step of a stage that may change the filesystem, with the key its result is cached under.
 * Metadata-only instructions (ENV, CMD, ...) are not steps: the planner folds them into the image
 * config. {@code number} counts within the stage, FROM being 1 as in BuildKit's progress.
 */
public sealed interface Step {
  int number();

  String key();

  Location location();

  /** The instruction with variables expanded, for progress and history ({@code RUN make all}). */
  String display();

  /**
   * RUN: {@code args} already wrapped in the SHELL for the shell form; {@code env} is the image's
   * environment plus the build args in scope; {@code proxyEnv} reaches the process but not the key.
   */
  record Run(
      int number,
      String key,
      Location location,
      String display,
      List<String> args,
      List<String> env,
      List<String> proxyEnv,
      String cwd,
      String user,
      String network,
      List<RunMount> mounts,
      List<String> extraHosts)
      implements Step {}

  /**
   * COPY/ADD: {@code sources} expanded (context paths or globs, stage or image paths, URLs), {@code
   * dest} absolute (a trailing "/" kept: it means "into this directory").
   */
  record Copy(
      int number,
      String key,
      Location location,
      String display,
      CopyFrom from,
      List<String> sources,
      List<InlineFile> inline,
      String dest,
      String chown,
      String chmod,
      boolean link,
      List<String> excludes,
      boolean add,
      String checksum)
      implements Step {}

  /** WORKDIR: makes {@code path} if missing, owned by {@code user} as BuildKit does. */
  record Workdir(
      int number, String key, Location location, String display, String path, String user)
      implements Step {}

  /** Where COPY reads: a build context by name ("" = main), an earlier stage, or an image. */
  record CopyFrom(Kind kind, String name, int stage, String imageId) {
    public enum Kind {
      CONTEXT,
      STAGE,
      IMAGE
    }

    public static CopyFrom context(String name) {
      return new CopyFrom(Kind.CONTEXT, name, -1, null);
    }

    @Override
    public String toString() {
      return switch (kind) {
        case CONTEXT -> name.isEmpty() ? "context" : "context:" + name;
        case STAGE -> "stage:" + stage;
        case IMAGE -> "image:" + name;
      };
    }
  }

  /** A here-document copied as a file: its name and (expanded) body. */
  record InlineFile(String name, String content) {}
}
