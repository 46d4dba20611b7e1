package dev.jcompose.cli.output;

import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.ContainerSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ps} output exactly as docker compose prints it: the table (NAME IMAGE COMMAND SERVICE
 * CREATED STATUS PORTS) or JSON Lines with the keys of docker's container formatter in Go's
 * sorted-map order (compose v2.21+ prints one object per line).
 */
public final class PsRenderer {
  /** Column names of docker's container formatter, for {@code table} templates. */
  public static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("ID", "CONTAINER ID"),
          Map.entry("Names", "NAMES"),
          Map.entry("Name", "NAME"),
          Map.entry("Image", "IMAGE"),
          Map.entry("Command", "COMMAND"),
          Map.entry("CreatedAt", "CREATED AT"),
          Map.entry("RunningFor", "CREATED"),
          Map.entry("Ports", "PORTS"),
          Map.entry("Status", "STATUS"),
          Map.entry("Size", "SIZE"),
          Map.entry("Labels", "LABELS"),
          Map.entry("Mounts", "MOUNTS"),
          Map.entry("Networks", "NETWORKS"),
          Map.entry("LocalVolumes", "LOCAL VOLUMES"),
          Map.entry("State", "STATE"),
          Map.entry("Service", "SERVICE"),
          Map.entry("Project", "PROJECT"),
          Map.entry("Publishers", "PUBLISHERS"),
          Map.entry("Health", "HEALTH"),
          Map.entry("ExitCode", "EXIT CODE"));

  private final Instant now;
  private final Supplier<ZoneId> zone;
  private final boolean noTrunc;

  /**
   * {@code zone} is asked only by the JSON form (its CreatedAt): the table's CREATED is relative,
   * and reading the zone rules and building the formatter cost a cold JVM ~10 ms.
   */
  public PsRenderer(Instant now, Supplier<ZoneId> zone, boolean noTrunc) {
    this.now = now;
    this.zone = zone;
    this.noTrunc = noTrunc;
  }

  public String table(List<ContainerSummary> containers) {
    TabTable t =
        new TabTable()
            .row(List.of("NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"));
    for (ContainerSummary c : containers) {
      t.row(
          List.of(
              c.name(),
              nz(c.image()),
              PsFormat.command(c, noTrunc),
              c.service(),
              PsFormat.runningFor(c, now),
              nz(c.status()),
              PortsDisplay.of(c.publishers())));
    }
    return t.render();
  }

  public String jsonLines(List<ContainerSummary> containers) {
    StringBuilder sb = new StringBuilder();
    for (ContainerSummary c : containers) {
      sb.append(Json.write(json(c))).append('\n');
    }
    return sb.toString();
  }

  /** Keys sorted as Go marshals a map; values as docker's ContainerContext computes them. */
  public Map<String, Object> json(ContainerSummary c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Command", PsFormat.command(c, noTrunc));
    m.put(
        "CreatedAt",
        GoTime.STRING.format(Instant.ofEpochSecond(c.createdEpochSeconds()).atZone(zone.get())));
    m.put("ExitCode", c.exitCode());
    m.put("Health", nz(c.health()));
    m.put("ID", PsFormat.id(c, noTrunc));
    m.put("Image", nz(c.image()));
    m.put("Labels", PsFormat.labels(c));
    m.put("LocalVolumes", "0");
    m.put("Mounts", "");
    m.put("Name", c.name());
    m.put("Names", c.name());
    m.put("Networks", PsFormat.networks(c));
    m.put("Ports", PortsDisplay.of(c.publishers()));
    m.put("Project", c.project());
    m.put("Publishers", publishers(c));
    m.put("RunningFor", PsFormat.runningFor(c, now));
    m.put("Service", c.service());
    m.put("Size", "0B");
    m.put("State", nz(c.state()));
    m.put("Status", nz(c.status()));
    return m;
  }

  private static List<Map<String, Object>> publishers(ContainerSummary c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ContainerSummary.Publisher p :
        c.publishers() == null ? List.<ContainerSummary.Publisher>of() : c.publishers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("URL", nz(p.url()));
      m.put("TargetPort", p.targetPort());
      m.put("PublishedPort", p.publishedPort());
      m.put("Protocol", nz(p.protocol()));
      out.add(m);
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
