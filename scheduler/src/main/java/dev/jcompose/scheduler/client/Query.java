package dev.jcompose.scheduler.client;

import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.wire.ApiRoutes;
import java.util.List;
import java.util.StringJoiner;

/** Query strings of GET routes. */
final class Query {
  private Query() {}

  static String of(PsOptions options) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    if (options.all()) {
      q.add("all=true");
    }
    add(q, "service", options.services());
    add(q, "status", options.status());
    return q.toString();
  }

  private static void add(StringJoiner q, String key, List<String> values) {
    if (values != null) {
      values.forEach(v -> q.add(key + "=" + ApiRoutes.encode(v)));
    }
  }
}
