package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import dev.jcompose.runtime.shim.ShimConfig;
import dev.jcompose.runtime.shim.ShimError;
import dev.jcompose.runtime.shim.ShimLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Starts {@code jcshim exec} for one exec and waits until the process has exec'd or failed: a
 * missing binary is reported here as an exception with errno and message, not as a silent 127.
 */
final class ExecLauncher {
  private static final long STATUS_WAIT_MS = 30_000;
  private static final long POLL_MS = 2;

  private final ShimLauncher shim;
  private final Function<ContainerRecord, CgroupDriver> cgroups;

  ExecLauncher(ShimLauncher shim, Function<ContainerRecord, CgroupDriver> cgroups) {
    this.shim = shim;
    this.cgroups = cgroups;
  }

  ExecSession exec(ContainerRecord rec, ContainerDirs dirs, int pid, ExecSpec spec) {
    if (spec.args() == null || spec.args().isEmpty()) {
      throw new ContainerException(Kind.INVALID, "exec needs a command");
    }
    String name = UUID.randomUUID().toString();
    Path config = dirs.execDir().resolve(name + ".config");
    Path status = dirs.execDir().resolve(name + ".status");
    try {
      if (!Files.isDirectory(dirs.execDir())) {
        // made with the container (ContainerPreparer) and removed with it: an exec that raced
        // the removal (a health probe of a container being taken down) must not make its run
        // folder again, which would outlive the container on the host
        throw new ContainerException(
            Kind.NOT_FOUND, "container " + rec.spec().id() + " is not running (removed)");
      }
      buildConfig(rec, dirs, pid, spec, status).writeTo(config);
      Process p = shim.exec(config);
      if (!spec.attachStdin()) {
        p.getOutputStream().close();
      }
      String result = awaitStatus(p, status);
      ShimError err = ShimError.parse(result);
      if (err != null || result == null) {
        p.waitFor();
        throw err != null
            ? err.toException("exec in container " + rec.spec().id())
            : new ContainerException(
                Kind.INTERNAL,
                "exec in container " + rec.spec().id() + ": jcshim exited with " + p.exitValue());
      }
      return new LinuxExecSession(p, List.of(config, status));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "exec in container " + rec.spec().id() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(Kind.INTERNAL, "interrupted", e);
    } finally {
      deleteIfFailed(config, status);
    }
  }

  private static void deleteIfFailed(Path config, Path status) {
    try {
      String s = Files.exists(status) ? Files.readString(status) : "";
      if (!s.startsWith("ok")) {
        Files.deleteIfExists(config);
        Files.deleteIfExists(status);
      }
    } catch (IOException e) {
      // best effort; the run dir goes away with the container
    }
  }

  private ShimConfig buildConfig(
      ContainerRecord rec, ContainerDirs dirs, int pid, ExecSpec spec, Path status) {
    List<Path> roots = new ArrayList<>();
    roots.add(dirs.upper());
    List<Path> layers = new ArrayList<>(rec.spec().image().layerDirs());
    Collections.reverse(layers);
    roots.addAll(layers);
    ProcessIdentity id =
        IdentityFactory.forExec(
            rec.identity(), spec.user(), spec.cwd(), spec.env(), new UserResolver(roots));
    ShimConfig c = new ShimConfig().put("pid", pid).put("status-file", status.toString());
    cgroups
        .apply(rec)
        .procsFiles(rec.spec().id())
        .forEach(p -> c.put("cgroup-procs", p.toString()));
    c.put("uid", id.uid()).put("gid", id.gid());
    id.groups().forEach(g -> c.put("group", g));
    // a privileged exec gets every capability but keeps the container's seccomp filter: runc
    // applies the container's config to every process, moby's exec only widens the capabilities
    long caps = spec.privileged() ? CapabilityMasks.all() : id.capabilities();
    c.put("caps", Long.toUnsignedString(caps)).put("nnp", id.noNewPrivileges() ? 1 : 0);
    ContainerSeccomp.addTo(c, rec.spec(), rec.identity().capabilities());
    c.put("cwd", id.cwd()).put("tty", spec.tty() ? 1 : 0);
    return c.putAll("arg", spec.args()).putAll("env", id.env());
  }

  /** The status file appears once the process exec'd or failed; the shim may also die first. */
  private static String awaitStatus(Process p, Path status)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + STATUS_WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(status)) {
        return Files.readString(status).strip();
      }
      if (!p.isAlive()) {
        return Files.exists(status) ? Files.readString(status).strip() : null;
      }
      Thread.sleep(POLL_MS);
    }
    p.destroyForcibly();
    throw new IOException("jcshim exec did not report within " + STATUS_WAIT_MS + " ms");
  }
}
