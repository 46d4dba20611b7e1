/**
 * The engine process and its API: HTTP/1.1 + JSON on {@code <runRoot>/engine.sock} (default {@code
 * /run/jcompose/engine.sock}; mode 0660), served with Vert.x over JDK NIO unix sockets.
 *
 * <p>Routes (API version 1; JSON bodies are the records of {@code
 * dev.jcompose.scheduler.wire.Requests}):
 *
 * <pre>
 * GET    /v1/version                       {"version","apiVersion","pid"}
 * POST   /v1/shutdown                      202; the engine exits, containers keep running
 * POST   /v1/projects/{name}/up            {"project":{...},"options":{...}}          NDJSON, result: [ContainerSummary]
 * POST   /v1/projects/{name}/down          {"project":null|{...},"options":{...}}     NDJSON
 * POST   /v1/projects/{name}/stop|start|restart  {"services":[...],"timeoutSeconds":n}  NDJSON
 * POST   /v1/projects/{name}/run           {"project":{...},"options":{...}}          NDJSON, result: ContainerSummary
 * GET    /v1/projects/{name}/ps?all=true&amp;service=web&amp;status=running              JSON [ContainerSummary]
 * GET    /v1/projects/{name}/events?since=RFC3339                                    NDJSON events (recent ones first) until the client closes
 * GET    /v1/containers/{name}/wait                                                  NDJSON, result: {"exitCode":n}
 * DELETE /v1/containers/{name}?force=true                                            204
 * </pre>
 *
 * <p>NDJSON answers (status 200, chunked) carry {@code {"event":{...}}} lines, empty keep-alive
 * lines every 10 s, then one final {@code {"result":...,"done":true}} or {@code
 * {"error":{"kind":"NOT_FOUND","message":"..."},"done":true}}. Plain JSON answers report errors as
 * {@code {"error":{"kind","message"}}} with status 404/400/409/503/403/500 by kind. For example:
 * {@code curl --unix-socket /run/jcompose/engine.sock http://x/v1/projects/demo/ps?all=true}.
 *
 * <p>The engine does not trust its client: names in paths and every project in a body pass the
 * loader's rules again ({@code dev.jcompose.model.validate.InputChecks}) before anything runs; a
 * refused request, or a body that does not decode, is answered 400 with the attribute and the
 * reason, a body over 16 MiB 413 (and the connection closed).
 *
 * <p>{@link dev.jcompose.scheduler.server.EngineMain} is the process entry point: single instance
 * per run root ({@code engine.lock}), {@code engine.pid}, log in {@code engine.log}.
 */
package dev.jcompose.scheduler.server;
