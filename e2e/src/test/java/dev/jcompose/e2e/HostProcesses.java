package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the tests see of containers from the host: pids under /proc, and kill -9 as a crash. */
final class HostProcesses {

  private HostProcesses() {}

  /** The host pid of a container's init, from the runtime's state file. */
  static long initOf(Jcompose jc, String container) {
    Path state = jc.root.resolve("data/containers/" + container + "/state.json");
    try {
      return Json.parse(state).get("pid").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Processes named {@code comm} in the pid namespace of {@code init} whose parent has another
   * name.
   */
  static List<Long> topmost(long init, String comm) throws IOException {
    String ns = pidNamespace(init);
    List<Long> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(name);
        if (!ns.isEmpty()
            && ns.equals(pidNamespace(pid))
            && comm.equals(comm(pid))
            && !comm.equals(comm(parentOf(pid)))) {
          found.add(pid);
        }
      }
    }
    return found;
  }

  /** The parent pid, or 0 once the process has gone. */
  static long parentOf(long pid) {
    for (String line : readLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("PPid:")) {
        return Long.parseLong(line.substring(5).trim());
      }
    }
    return 0;
  }

  static void kill9(List<Long> pids) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("kill", "-9"));
    pids.forEach(p -> cmd.add(Long.toString(p)));
    assertThat(new ProcessBuilder(cmd).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  private static String comm(long pid) {
    List<String> lines = readLines(Path.of("/proc/" + pid + "/comm"));
    return lines.isEmpty() ? "" : lines.get(0).trim();
  }

  private static String pidNamespace(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/pid")).toString();
    } catch (IOException e) {
      return ""; // ended while we looked
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of(); // ended while we looked
    }
  }
}
