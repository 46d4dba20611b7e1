package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ContainerStats;
import dev.jcompose.runtime.api.ProcessInfo;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ProcessRow;
import dev.jcompose.scheduler.api.StatsSample;
import dev.jcompose.scheduler.names.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code top} and {@code stats}: what the project's containers run and use, read from the runtime.
 * {@code top} prints {@code ps -ef}'s columns as docker top does (it runs ps on the host): user
 * names from the host's passwd, STIME as HH:MM today and as the month and day before, TIME as
 * [DD-]HH:MM:SS.
 */
final class ContainerUsage {
  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter BEFORE = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private final ContainerRuntime runtime;

  ContainerUsage(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  List<ContainerProcesses> top(String project, List<String> services) {
    Map<Long, String> users = users();
    Instant now = Instant.now();
    List<ContainerProcesses> out = new ArrayList<>();
    for (ContainerState c : ProjectContainers.of(runtime, project, services)) {
      if (c.status() != ContainerState.Status.RUNNING) {
        continue;
      }
      List<ProcessRow> rows = new ArrayList<>();
      for (ProcessInfo p : runtime.processes(c.id())) {
        rows.add(
            new ProcessRow(
                users.getOrDefault(p.uid(), Long.toString(p.uid())),
                p.pid(),
                p.ppid(),
                p.cpuPercent(),
                stime(p.started(), now),
                p.tty(),
                time(p.cpuSeconds()),
                p.command()));
      }
      out.add(new ContainerProcesses(c.id(), rows));
    }
    return out;
  }

  List<StatsSample> stats(String project, List<String> services, boolean all) {
    List<StatsSample> out = new ArrayList<>();
    for (ContainerState c : ProjectContainers.of(runtime, project, services)) {
      String service = ProjectContainers.label(c, Labels.SERVICE);
      if (c.status() == ContainerState.Status.RUNNING) {
        try {
          ContainerStats s = runtime.stats(c.id());
          out.add(
              new StatsSample(
                  c.id(),
                  ProjectContainers.label(c, Labels.CONTAINER_ID),
                  service,
                  s.read(),
                  s.cpuNanos(),
                  s.memoryUsage(),
                  s.memoryLimit(),
                  s.pids(),
                  s.blockRead(),
                  s.blockWrite(),
                  s.netRx(),
                  s.netTx()));
          continue;
        } catch (RuntimeException e) {
          // exited between the listing and the reading: shown with zeros when asked for all
        }
      }
      if (all) {
        out.add(
            new StatsSample(
                c.id(),
                ProjectContainers.label(c, Labels.CONTAINER_ID),
                service,
                Instant.now(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0));
      }
    }
    return out;
  }

  static String stime(Instant started, Instant now) {
    ZonedDateTime t = started.atZone(ZoneId.systemDefault());
    return t.toLocalDate().equals(LocalDate.ofInstant(now, ZoneId.systemDefault()))
        ? TODAY.format(t)
        : BEFORE.format(t);
  }

  static String time(long seconds) {
    long days = seconds / 86400;
    String hms =
        String.format("%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    return days > 0 ? days + "-" + hms : hms;
  }

  /** uid -> name from the host's /etc/passwd (ps's lookup). */
  private static Map<Long, String> users() {
    Map<Long, String> out = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] f = line.split(":", -1);
        if (f.length > 2) {
          out.putIfAbsent(Long.parseLong(f[2]), f[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // numbers then
    }
    return out;
  }
}
