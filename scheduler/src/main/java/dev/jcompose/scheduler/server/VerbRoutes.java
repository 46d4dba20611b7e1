package dev.jcompose.scheduler.server;

import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.wire.Requests;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The long verbs taking a JSON body ({@code POST /v1/projects/{name}/<verb>}), streamed as NDJSON.
 */
final class VerbRoutes {
  private static final Map<String, Class<?>> BODIES =
      Map.of(
          "up", Requests.Up.class,
          "build", Requests.Build.class,
          "push", Requests.Push.class,
          "down", Requests.Down.class,
          "run", Requests.Run.class,
          "stop", Requests.Services.class,
          "start", Requests.Services.class,
          "restart", Requests.Services.class);

  private final EngineVerbs service;

  VerbRoutes(EngineVerbs service) {
    this.service = service;
  }

  boolean knows(String verb) {
    return BODIES.containsKey(verb);
  }

  @SuppressWarnings("unchecked")
  <T> Class<T> bodyType(String verb) {
    return (Class<T>) BODIES.get(verb);
  }

  /** Runs the verb on the calling (worker) thread and ends {@code out} with its result or error. */
  void invoke(String verb, String project, Object body, NdjsonResponse out) {
    complete(out, () -> call(verb, project, body, out));
  }

  private Object call(String verb, String project, Object body, NdjsonResponse out) {
    switch (verb) {
      case "up" -> {
        Requests.Up up = (Requests.Up) body;
        return service.up(up.project(), up.options(), out::event);
      }
      case "run" -> {
        Requests.Run run = (Requests.Run) body;
        return service.run(run.project(), run.options(), out::event);
      }
      case "build" -> {
        Requests.Build build = (Requests.Build) body;
        service.build(build.project(), build.options(), out::event);
        return null;
      }
      case "push" -> {
        Requests.Push push = (Requests.Push) body;
        service.push(push.project(), push.options(), out::event);
        return null;
      }
      case "down" -> {
        Requests.Down down = (Requests.Down) body;
        service.down(project, down.project(), down.options(), out::event);
        return null;
      }
      default -> {
        servicesVerb(verb, project, (Requests.Services) body, out);
        return null;
      }
    }
  }

  private void servicesVerb(
      String verb, String project, Requests.Services body, NdjsonResponse out) {
    List<String> services = body.services() == null ? List.of() : body.services();
    switch (verb) {
      case "stop" -> service.stop(project, services, body.timeoutSeconds(), out::event);
      case "start" -> service.start(project, services, out::event);
      default -> service.restart(project, services, body.timeoutSeconds(), out::event);
    }
  }

  static void complete(NdjsonResponse out, Callable<Object> action) {
    try {
      out.finish(action.call());
    } catch (Exception | Error e) {
      out.fail(e);
    }
  }
}
