package dev.jcompose.e2e.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds the static syscall probe (resources/probes/syscall-probe.c) into a project directory. */
final class SyscallProbe {
  private SyscallProbe() {}

  static void buildInto(Path projectDir) throws IOException, InterruptedException {
    Path source = Path.of("src/test/resources/probes/syscall-probe.c").toAbsolutePath();
    Process gcc =
        new ProcessBuilder(
                "gcc",
                "-static",
                "-O2",
                "-o",
                projectDir.resolve("probe").toString(),
                source.toString())
            .redirectErrorStream(true)
            .start();
    if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      throw new IllegalStateException(
          "cannot build the syscall probe: " + new String(gcc.getInputStream().readAllBytes()));
    }
  }
}
