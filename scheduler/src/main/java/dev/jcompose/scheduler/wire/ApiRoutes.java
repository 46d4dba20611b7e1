package dev.jcompose.scheduler.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paths of the engine API (version 1). Long verbs answer {@code application/x-ndjson}: event lines,
 * empty keep-alive lines, then one result or error line. Short queries answer plain JSON with an
 * HTTP status derived from the error kind.
 */
public final class ApiRoutes {
  public static final String API_VERSION = "1";
  public static final String PREFIX = "/v1";
  public static final String NDJSON = "application/x-ndjson";
  public static final String JSON = "application/json";

  private ApiRoutes() {}

  public static String project(String name, String verb) {
    return PREFIX + "/projects/" + encode(name) + "/" + verb;
  }

  public static String container(String name) {
    return PREFIX + "/containers/" + encode(name);
  }

  public static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
