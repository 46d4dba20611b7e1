package dev.jcompose.scheduler.build;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeException.Kind;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PushOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code push}: as docker compose, the services with a build section and an image name, under that
 * name and their {@code build.tags}; other services are skipped.
 */
public final class ServicePushes {
  private final BuildTools tools;
  private final Consumer<Event> events;
  private final String project;

  public ServicePushes(BuildTools tools, Consumer<Event> events, String project) {
    this.tools = tools;
    this.events = events;
    this.project = project;
  }

  public void push(Project p, PushOptions options) {
    if (tools.store() == null) {
      throw new ComposeException(Kind.UNAVAILABLE, "this engine has no image store to push from");
    }
    for (Service s :
        p.services().values().stream()
            .sorted(java.util.Comparator.comparing(Service::name))
            .toList()) {
      if (!options.services().isEmpty() && !options.services().contains(s.name())) {
        continue;
      }
      if (s.build() == null || s.image() == null || s.image().isEmpty()) {
        emit("Service " + s.name(), "Skipped", "no build section and image name");
        continue;
      }
      List<String> tags = new ArrayList<>(List.of(s.image()));
      tags.addAll(s.build().tags());
      for (String tag : tags) {
        push(s, tag, options);
      }
    }
  }

  private void push(Service s, String tag, PushOptions options) {
    String resource = "Image " + tag;
    emit(resource, "Pushing", "");
    Map<String, String> phases = new ConcurrentHashMap<>();
    try {
      String digest =
          tools
              .store()
              .push(
                  tag,
                  (r, layer, phase, cur, total) -> {
                    if (layer != null && !phase.equals(phases.put(layer, phase))) {
                      emit(
                          resource,
                          phase,
                          layer.startsWith("sha256:") ? layer.substring(7, 19) : layer);
                    }
                  });
      emit(resource, "Pushed", digest);
    } catch (ContainerException e) {
      if (!options.ignoreFailures()) {
        throw new ComposeException(
            e.kind() == ContainerException.Kind.NOT_FOUND ? Kind.NOT_FOUND : Kind.UNAVAILABLE,
            "service \"" + s.name() + "\": push " + tag + ": " + e.getMessage(),
            e);
      }
      emit(resource, "Error", e.getMessage());
    }
  }

  private void emit(String resource, String action, String message) {
    try {
      events.accept(
          new Event(
              Instant.now(),
              resource,
              action,
              message,
              project == null ? Map.of() : Map.of("project", project)));
    } catch (RuntimeException ignored) {
      // a caller that went away must not stop the push
    }
  }
}
