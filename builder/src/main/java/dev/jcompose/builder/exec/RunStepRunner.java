package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.builder.plan.Step;
import dev.jcompose.runtime.api.CapabilityNames;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.MountSpec;
import dev.jcompose.runtime.api.ContainerSpec.NetworkMode;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.fs.LayerView;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.logs.CriLogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Executes RUN in a container of jcompose's own runtime (same shim, namespaces, cgroups and default
 * capabilities as any service container) on top of the stage's layers, streams what it prints, and
 * takes its overlay upper directory as the step's layer, mount stubs removed. The container is
 * always deleted, also when the command fails.
 */
final class RunStepRunner {
  private static final List<String> RUNTIME_TARGETS =
      List.of("/proc", "/dev", "/sys", "/etc/hosts", "/etc/resolv.conf");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ExecTools tools;
  private final RunMountSetup mounts;

  RunStepRunner(ExecTools tools, RunMountSetup mounts) {
    this.tools = tools;
    this.mounts = mounts;
  }

  /** Runs {@code step}; returns its layer directory, or null when it changed nothing. */
  Path run(Step.Run step, List<Path> below, Consumer<String> output) throws IOException {
    String id = "jcbuild-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
    Path scratch = Files.createDirectories(tools.workRoot().resolve(id));
    ContainerRuntime runtime = tools.runtime();
    Path layer = null;
    try (RunMountSetup.Prepared prepared = mounts.prepare(step, scratch)) {
      List<String> targets = new ArrayList<>(RUNTIME_TARGETS);
      prepared.mounts().forEach(m -> targets.add(m.target()));
      MountStubs stubs =
          new MountStubs(new LayerView(below, LayerWriter.opaque(tools.ops())), targets);
      NetworkMode net = network(step.network(), id);
      ContainerState created = runtime.create(spec(id, step, below, prepared.mounts(), net));
      try {
        if (net.kind() == NetworkMode.Kind.NEW) {
          tools.network().attach(id, created.netnsPath());
        }
        ExitStatus exit = execute(id, created.logPath(), output);
        if (exit.exitCode() != 0) {
          throw new BuildException(
              Kind.FAILED,
              step.location()
                  + ": "
                  + step.display()
                  + ": the command exited with code "
                  + exit.exitCode()
                  + (exit.oomKilled() ? " (killed: out of memory)" : ""));
        }
        layer = take(runtime.upperDir(id));
      } finally {
        deleteQuietly(id);
        if (net.kind() == NetworkMode.Kind.NEW) {
          tools.network().release(id);
        }
      }
      stubs.clean(layer);
      if (Trees.isEmptyDir(layer)) {
        Trees.deleteRecursively(layer);
        return null;
      }
      return layer;
    } catch (IOException | RuntimeException e) {
      if (layer != null) {
        Trees.deleteRecursively(layer);
      }
      throw e;
    } finally {
      Trees.deleteRecursively(scratch);
    }
  }

  private NetworkMode network(String mode, String id) {
    return switch (mode) {
      case "none" -> new NetworkMode(NetworkMode.Kind.NONE, null);
      case "host" -> new NetworkMode(NetworkMode.Kind.HOST, null);
      default -> tools.network().mode(id);
    };
  }

  private ContainerSpec spec(
      String id, Step.Run step, List<Path> below, List<MountSpec> userMounts, NetworkMode net) {
    List<String> env = new ArrayList<>(step.env());
    env.addAll(step.proxyEnv());
    ContainerSpec.ProcessSpec process =
        new ContainerSpec.ProcessSpec(
            step.args(),
            env,
            step.cwd(),
            step.user(),
            List.of(),
            false,
            false,
            CapabilityNames.DOCKER_DEFAULT,
            false,
            List.of());
    ImageConfig none = new ImageConfig(null, null, null, null, null, null, null, null, null, null);
    ImageHandle image = new ImageHandle("jcompose-build", "", "", below, none, 0);
    Map<String, String> etc = new LinkedHashMap<>();
    etc.put("/etc/hosts", hosts(step.extraHosts()));
    etc.put("/etc/resolv.conf", resolvConf());
    return new ContainerSpec(
        id,
        image,
        process,
        "buildkitsandbox",
        null,
        net,
        userMounts,
        etc,
        ContainerSpec.Resources.none(),
        false,
        false,
        Map.of(),
        List.of(),
        tools.shmSizeBytes(),
        Map.of("dev.jcompose.build", "true"),
        ContainerSpec.Isolation.defaults(),
        null,
        // BuildKit confines RUN like any container (docker's default seccomp profile, runc's
        // device list); RUN --security=insecure is not supported
        ContainerSpec.Security.defaults());
  }

  private ExitStatus execute(String id, Path log, Consumer<String> output) {
    ContainerRuntime runtime = tools.runtime();
    runtime.start(id);
    CompletableFuture<ExitStatus> exit = runtime.awaitExit(id);
    new CriLogReader()
        .read(
            log,
            new LogReader.Options(-1, null, null, true),
            line -> {
              output.accept(line.text());
              return true;
            },
            exit::isDone);
    try {
      return exit.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException(Kind.INTERNAL, "interrupted while waiting for a RUN step", e);
    } catch (ExecutionException e) {
      throw new BuildException(Kind.INTERNAL, "RUN container " + id + ": " + e.getCause(), e);
    }
  }

  // The upper dir moves out before the container is deleted (a rename: same file system), so the
  // delete, which kills any straggler, cannot take the step's result with it.
  private Path take(Path upper) throws IOException {
    Path layer = tools.store().newLayerDir();
    Files.delete(layer);
    Files.move(upper, layer, StandardCopyOption.ATOMIC_MOVE);
    return layer;
  }

  private void deleteQuietly(String id) {
    try {
      tools.runtime().delete(id);
    } catch (RuntimeException e) {
      System.getLogger(RunStepRunner.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "cannot delete build container " + id + ": " + e.getMessage());
    }
  }

  private static String hosts(List<String> extra) {
    StringBuilder s =
        new StringBuilder(
            "127.0.0.1\tlocalhost buildkitsandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n");
    for (String h : extra) {
      String[] kv = h.split("[:=]", 2);
      if (kv.length == 2) {
        s.append(kv[1]).append('\t').append(kv[0]).append('\n');
      }
    }
    return s.toString();
  }

  private static String resolvConf() {
    try {
      return Files.readString(Path.of("/etc/resolv.conf"));
    } catch (IOException e) {
      return "";
    }
  }
}
