package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.exec.LayerWriter.Owner;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.runtime.container.UserResolver;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * WORKDIR: creates the directory (and missing parents) owned by the current USER, as BuildKit's
 * mkdir does.
 */
final class WorkdirStepRunner {
  private final NativeOps ops;

  WorkdirStepRunner(NativeOps ops) {
    this.ops = ops;
  }

  void run(Step.Workdir step, Path layer, List<Path> below) throws IOException {
    LayerWriter w = new LayerWriter(ops, layer, below);
    String path = w.canonical(step.path());
    if (w.isDir(path)) {
      return;
    }
    w.mkdirs(path, 0755, owner(step.user(), below));
  }

  private static Owner owner(String user, List<Path> below) {
    if (user == null) {
      return Owner.ROOT;
    }
    List<Path> topFirst = new ArrayList<>(below);
    Collections.reverse(topFirst);
    try {
      UserResolver.ResolvedUser u = new UserResolver(topFirst).resolve(user, List.of());
      return new Owner(u.uid(), u.gid());
    } catch (RuntimeException e) {
      throw new BuildException(Kind.INVALID, "USER " + user + ": " + e.getMessage(), e);
    }
  }
}
