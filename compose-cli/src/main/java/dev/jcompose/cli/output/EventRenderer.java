package dev.jcompose.cli.output;

import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.Event;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code events} lines as docker compose prints them: text {@code 2024-01-02 03:04:05.000000
 * container start demo-web-1 (image=busybox, name=demo-web-1)} or with {@code --json} one object
 * per line: {@code time, type, action, id, service, attributes}.
 */
public final class EventRenderer {
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());
  private final boolean json;

  public EventRenderer(boolean json) {
    this.json = json;
  }

  public String render(Event e) {
    return json ? json(e) : text(e);
  }

  /** The service an event is about: its "service" attribute, or empty. */
  public static String service(Event e) {
    return e.attributes() == null ? "" : e.attributes().getOrDefault("service", "");
  }

  static String id(Event e) {
    String r = e.resource() == null ? "" : e.resource();
    return r.startsWith("Container ") ? r.substring("Container ".length()) : r;
  }

  private static String text(Event e) {
    Map<String, String> attrs = new TreeMap<>(e.attributes() == null ? Map.of() : e.attributes());
    String suffix =
        attrs.isEmpty()
            ? ""
            : " ("
                + attrs.entrySet().stream()
                    .map(a -> a.getKey() + "=" + a.getValue())
                    .collect(Collectors.joining(", "))
                + ")";
    return TEXT_TIME.format(e.time()) + " container " + e.action() + " " + id(e) + suffix;
  }

  private static String json(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", GoTime.rfc3339Nano(e.time()));
    m.put("type", "container");
    m.put("action", e.action());
    m.put("id", id(e));
    m.put("service", service(e));
    m.put("attributes", new TreeMap<>(e.attributes() == null ? Map.of() : e.attributes()));
    return Json.write(m);
  }
}
