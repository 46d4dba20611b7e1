package dev.jcompose.scheduler.server;

import dev.jcompose.scheduler.api.CallSettings;
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
      Map.ofEntries(
          Map.entry("up", Requests.Up.class),
          Map.entry("down", Requests.Down.class),
          Map.entry("run", Requests.Run.class),
          Map.entry("stop", Requests.Services.class),
          Map.entry("start", Requests.Start.class),
          Map.entry("restart", Requests.Services.class),
          Map.entry("kill", Requests.Kill.class),
          Map.entry("pause", Requests.Services.class),
          Map.entry("unpause", Requests.Services.class),
          Map.entry("rm", Requests.Remove.class),
          Map.entry("build", Requests.Build.class),
          Map.entry("push", Requests.Push.class));

  private final EngineVerbs engine;

  VerbRoutes(EngineVerbs engine) {
    this.engine = engine;
  }

  boolean knows(String verb) {
    return BODIES.containsKey(verb);
  }

  @SuppressWarnings("unchecked")
  <T> Class<T> bodyType(String verb) {
    return (Class<T>) BODIES.get(verb);
  }

  /** Runs the verb on the calling (worker) thread and ends {@code out} with its result or error. */
  void invoke(String verb, String project, Object body, CallSettings settings, NdjsonResponse out) {
    complete(out, () -> call(engine.with(settings), verb, project, body, out));
  }

  private Object call(
      EngineVerbs service, String verb, String project, Object body, NdjsonResponse out) {
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
      case "start" -> {
        service.start(project, ((Requests.Start) body).options(), out::event);
        return null;
      }
      case "kill" -> {
        service.kill(project, ((Requests.Kill) body).options(), out::event);
        return null;
      }
      case "rm" -> {
        return service.remove(project, ((Requests.Remove) body).options(), out::event);
      }
      default -> {
        servicesVerb(service, verb, project, (Requests.Services) body, out);
        return null;
      }
    }
  }

  private static void servicesVerb(
      EngineVerbs service,
      String verb,
      String project,
      Requests.Services body,
      NdjsonResponse out) {
    List<String> services = body.services() == null ? List.of() : body.services();
    switch (verb) {
      case "stop" -> service.stop(project, services, body.timeoutSeconds(), out::event);
      case "pause" -> service.pause(project, services, out::event);
      case "unpause" -> service.unpause(project, services, out::event);
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
