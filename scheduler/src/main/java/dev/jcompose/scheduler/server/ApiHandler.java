package dev.jcompose.scheduler.server;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.wire.ApiRoutes;
import dev.jcompose.scheduler.wire.Requests;
import dev.jcompose.scheduler.wire.WireError;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Routes API requests to {@link EngineVerbs} methods. Runs on the event loop only to route and
 * collect the body; every service call runs on {@code workers}, because verbs block (pulls, stop
 * grace periods, waits).
 */
final class ApiHandler implements Handler<HttpServerRequest> {
  private final Vertx vertx;
  private final EngineVerbs service;
  private final Executor workers;
  private final ServerSettings settings;
  private final VerbRoutes verbs;

  ApiHandler(Vertx vertx, EngineVerbs service, Executor workers, ServerSettings settings) {
    this.vertx = vertx;
    this.service = service;
    this.workers = workers;
    this.settings = settings;
    this.verbs = new VerbRoutes(service);
  }

  @Override
  public void handle(HttpServerRequest req) {
    List<String> s = segments(req.path());
    HttpMethod m = req.method();
    if (s.size() < 2 || !s.get(0).equals("v1")) {
      notFound(req);
    } else if (s.size() == 2 && s.get(1).equals("version") && m.equals(HttpMethod.GET)) {
      reply(
          req,
          200,
          new Requests.Version(
              settings.version(), ApiRoutes.API_VERSION, ProcessHandle.current().pid()));
    } else if (s.size() == 2 && s.get(1).equals("shutdown") && m.equals(HttpMethod.POST)) {
      reply(req, 202, null);
      settings.onShutdown().run();
    } else if (s.size() == 4 && s.get(1).equals("projects")) {
      project(req, s.get(2), s.get(3), m);
    } else if (s.size() >= 3 && s.get(1).equals("containers")) {
      container(req, s.get(2), s.size() == 4 ? s.get(3) : "", m);
    } else if (s.size() == 2 && s.get(1).equals("networks") && m.equals(HttpMethod.GET)) {
      List<String> names = req.params().getAll("name");
      if (!refused(req, () -> names.forEach(RequestChecks::networkName))) {
        call(req, () -> service.networks(names));
      }
    } else if (s.size() == 2 && s.get(1).equals("prune") && m.equals(HttpMethod.POST)) {
      CallSettings flags = settingsOf(req);
      withBody(
          req,
          null,
          Requests.Prune.class,
          (out, body) ->
              VerbRoutes.complete(
                  out, () -> service.with(flags).prune(body.options(), out::event)));
    } else {
      notFound(req);
    }
  }

  /** The global flags a client sends as query parameters ({@code dryRun}, {@code parallel}). */
  private static CallSettings settingsOf(HttpServerRequest req) {
    String parallel = req.getParam("parallel");
    try {
      return new CallSettings(
          Boolean.parseBoolean(req.getParam("dryRun")),
          parallel == null ? -1 : Integer.parseInt(parallel));
    } catch (NumberFormatException e) {
      return CallSettings.DEFAULT;
    }
  }

  private void project(HttpServerRequest req, String name, String verb, HttpMethod m) {
    if (refused(req, () -> RequestChecks.projectName(name))) {
      return;
    }
    if (m.equals(HttpMethod.GET) && verb.equals("ps")) {
      PsOptions options =
          new PsOptions(
              req.params().getAll("service"),
              Boolean.parseBoolean(req.getParam("all")),
              req.params().getAll("status"));
      call(req, () -> service.ps(name, options));
    } else if (m.equals(HttpMethod.GET) && verb.equals("events")) {
      Instant since = req.getParam("since") == null ? null : Instant.parse(req.getParam("since"));
      NdjsonResponse out = stream(req);
      workers.execute(
          () ->
              VerbRoutes.complete(
                  out,
                  () -> {
                    service.events(name, since, out::event, out::clientGone);
                    return null;
                  }));
    } else if (m.equals(HttpMethod.GET) && verb.equals("inspect")) {
      String svc = req.getParam("service");
      int index = parseInt(req.getParam("index"));
      if (!refused(req, () -> RequestChecks.serviceName(svc))) {
        call(req, () -> service.inspect(ContainerRef.of(name, svc, index)));
      }
    } else if (m.equals(HttpMethod.POST) && verbs.knows(verb)) {
      CallSettings flags = settingsOf(req);
      withBody(
          req,
          name,
          verbs.bodyType(verb),
          (out, body) -> verbs.invoke(verb, name, body, flags, out));
    } else {
      notFound(req);
    }
  }

  private void container(HttpServerRequest req, String name, String sub, HttpMethod m) {
    if (refused(req, () -> RequestChecks.containerName(name))) {
      return;
    }
    if (m.equals(HttpMethod.DELETE) && sub.isEmpty()) {
      boolean force = Boolean.parseBoolean(req.getParam("force"));
      call(
          req,
          () -> {
            service.removeContainer(name, force);
            return null;
          });
    } else if (m.equals(HttpMethod.GET) && sub.equals("json")) {
      call(req, () -> service.inspect(ContainerRef.named(name)));
    } else if (m.equals(HttpMethod.GET) && sub.equals("wait")) {
      NdjsonResponse out = stream(req);
      workers.execute(
          () -> VerbRoutes.complete(out, () -> new Requests.WaitResult(service.waitExit(name))));
    } else {
      notFound(req);
    }
  }

  /**
   * Collects the body (at most {@link ServerSettings#maxBodyBytes}), decodes and checks it on a
   * worker, then runs {@code then} with a stream open. A body that cannot be decoded or does not
   * pass {@link RequestChecks} is answered 400 before anything runs.
   */
  private <T> void withBody(
      HttpServerRequest req, String project, Class<T> type, BiConsumer<NdjsonResponse, T> then) {
    Context ctx = context();
    BodyReader.read(
        req,
        settings.maxBodyBytes(),
        ctx,
        buffer ->
            workers.execute(
                () -> {
                  T body;
                  try {
                    body = Json.read(buffer.getBytes(), type);
                    RequestChecks.body(project, body);
                  } catch (JsonException e) {
                    JsonReply.error(
                        ctx,
                        req.response(),
                        new WireError(
                            ComposeException.Kind.INVALID.name(),
                            "cannot decode request: " + e.getMessage()));
                    return;
                  } catch (RuntimeException e) {
                    // ComposeException INVALID answers 400; anything else is our bug, answered 500,
                    // never silence.
                    JsonReply.error(ctx, req.response(), WireError.of(e));
                    return;
                  }
                  ctx.runOnContext(
                      v -> {
                        NdjsonResponse out = stream(req);
                        workers.execute(() -> then.accept(out, body));
                      });
                }));
  }

  /** Runs a check; a refusal is answered (400 for INVALID) and true returned. */
  private boolean refused(HttpServerRequest req, Runnable check) {
    try {
      check.run();
      return false;
    } catch (ComposeException e) {
      JsonReply.error(context(), req.response(), WireError.of(e));
      return true;
    }
  }

  private void call(HttpServerRequest req, Callable<Object> action) {
    Context ctx = context();
    workers.execute(
        () -> {
          try {
            Object result = action.call();
            JsonReply.send(ctx, req.response(), result == null ? 204 : 200, result);
          } catch (Exception | Error e) {
            JsonReply.error(ctx, req.response(), WireError.of(e));
          }
        });
  }

  private NdjsonResponse stream(HttpServerRequest req) {
    return new NdjsonResponse(vertx, req.response(), settings.keepAliveMillis());
  }

  private void reply(HttpServerRequest req, int status, Object body) {
    JsonReply.send(context(), req.response(), status, body);
  }

  private void notFound(HttpServerRequest req) {
    String what = "no such API route: " + req.method() + " " + req.path();
    JsonReply.error(
        context(), req.response(), new WireError(ComposeException.Kind.NOT_FOUND.name(), what));
  }

  private Context context() {
    return vertx.getOrCreateContext();
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 1 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static List<String> segments(String path) {
    return Arrays.stream(path.split("/"))
        .filter(p -> !p.isEmpty())
        .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
        .toList();
  }
}
