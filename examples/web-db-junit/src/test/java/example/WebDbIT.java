package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.junit.ComposeStack;
import dev.jcompose.junit.Endpoint;
import dev.jcompose.junit.ServiceEndpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web-db example (app + Postgres + Redis) as its own integration test would use it: the stack
 * comes up healthy before the first test and is removed, volumes included, after the last.
 */
@ComposeStack("../web-db/compose.yaml")
class WebDbIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Endpoint("web:8000")
  ServiceEndpoint web;

  @Test
  void healthz_answersOnceTheStackIsUp() throws Exception {
    HttpResponse<String> r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok\n", r.body());
  }

  @Test
  void everyPageView_isCountedInRedisAndStoredInPostgres() throws Exception {
    int before = number(get("/api/stats").body(), "visits");
    assertEquals(200, get("/").statusCode());
    assertEquals(200, get("/").statusCode());
    String stats = get("/api/stats").body();
    assertEquals(before + 2, number(stats, "visits"), stats);
    assertTrue(number(stats, "hits") >= 2, stats);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(web.uri("http", path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\": (\\d+)").matcher(json);
    assertTrue(m.find(), json);
    return Integer.parseInt(m.group(1));
  }
}
