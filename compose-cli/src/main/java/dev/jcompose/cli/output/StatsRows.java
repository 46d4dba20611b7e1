package dev.jcompose.cli.output;

import dev.jcompose.scheduler.api.StatsSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats} rows from two readings of the same containers, with the values and names of
 * docker's stats formatter: CPU % is the CPU time used between the readings over the time that
 * passed (100% = one core busy, as docker's cpuDelta/systemDelta x cores works out), MEM % usage
 * over limit; memory in binary units, network and block I/O in decimal ones.
 */
public final class StatsRows {
  public static final Map<String, String> HEADERS =
      Map.of(
          "ID",
          "CONTAINER ID",
          "Container",
          "CONTAINER",
          "Name",
          "NAME",
          "CPUPerc",
          "CPU %",
          "MemUsage",
          "MEM USAGE / LIMIT",
          "MemPerc",
          "MEM %",
          "NetIO",
          "NET I/O",
          "BlockIO",
          "BLOCK I/O",
          "PIDs",
          "PIDS");
  public static final String TABLE =
      "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

  private StatsRows() {}

  /** One row per container of {@code now}; {@code before} (may be empty) gives the CPU rate. */
  public static List<Map<String, Object>> of(
      List<StatsSample> before, List<StatsSample> now, boolean noTrunc) {
    Map<String, StatsSample> earlier = new LinkedHashMap<>();
    before.forEach(s -> earlier.put(s.container(), s));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StatsSample s : now) {
      StatsSample b = earlier.get(s.container());
      double cpu = 0;
      if (b != null) {
        long wall = Duration.between(b.read(), s.read()).toNanos();
        cpu = wall > 0 ? Math.max(0, s.cpuNanos() - b.cpuNanos()) * 100.0 / wall : 0;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("BlockIO", Units.decimal(s.blockRead()) + " / " + Units.decimal(s.blockWrite()));
      r.put("CPUPerc", String.format("%.2f%%", cpu));
      r.put("Container", s.id());
      r.put("ID", noTrunc || s.id().length() <= 12 ? s.id() : s.id().substring(0, 12));
      r.put(
          "MemPerc",
          String.format(
              "%.2f%%",
              s.memoryLimit() > 0 ? Math.max(0, s.memoryUsage()) * 100.0 / s.memoryLimit() : 0));
      r.put(
          "MemUsage",
          Units.binary(Math.max(0, s.memoryUsage()))
              + " / "
              + Units.binary(Math.max(0, s.memoryLimit())));
      r.put("Name", s.container());
      r.put("NetIO", Units.decimal(s.netRx()) + " / " + Units.decimal(s.netTx()));
      r.put("PIDs", Long.toString(Math.max(0, s.pids())));
      rows.add(r);
    }
    return rows;
  }
}
