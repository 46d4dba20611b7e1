package dev.jcompose.scheduler.build;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeException.Kind;
import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries out build decisions (the "do" half of {@link BuildDecider}): builds with the engine's
 * builder, pulls first where docker compose would, reports progress, and turns a failed build into
 * an error naming the service and the Dockerfile line.
 */
public final class ServiceBuilds {
  private final BuildTools tools;
  private final ImageService images;
  private final Consumer<Event> events;
  private final String project;

  public ServiceBuilds(
      BuildTools tools, ImageService images, Consumer<Event> events, String project) {
    this.tools = tools;
    this.images = images;
    this.events = events;
    this.project = project;
  }

  public void apply(Project p, List<BuildDecision> decisions, BuildOptions options) {
    for (BuildDecision d : decisions) {
      Service s = p.service(d.service());
      switch (d.action()) {
        case USE -> {}
        case MISSING ->
            throw new ComposeException(
                Kind.NOT_FOUND,
                "image "
                    + d.image()
                    + " for service \""
                    + d.service()
                    + "\" is not present locally and --no-build forbids building it");
        case BUILD -> build(p, s, options);
        case PULL_OR_BUILD -> {
          if (!pulled(d)) {
            build(p, s, options);
          }
        }
        default -> throw new IllegalStateException(d.toString());
      }
    }
  }

  // docker compose tries the registry first for a buildable service with an image name and
  // builds when that fails.
  private boolean pulled(BuildDecision d) {
    emit("Image " + d.image(), "Pulling", "");
    try {
      images.pull(d.image(), ImageService.PullProgress.NONE);
      emit("Image " + d.image(), "Pulled", "");
      return true;
    } catch (ContainerException e) {
      emit("Image " + d.image(), "Warning", "pull failed (" + e.getMessage() + "); building it");
      return false;
    }
  }

  public void build(Project p, Service s, BuildOptions options) {
    if (tools.builder() == null) {
      throw new ComposeException(Kind.UNAVAILABLE, "this engine has no image builder");
    }
    BuildProgress progress = new BuildProgress(events, project, s.name());
    progress.emit("Building", "");
    try {
      BuildResult r =
          tools
              .builder()
              .build(BuildRequests.of(p, s, options, tools.platform(), System.getenv()), progress);
      progress.emit(
          "Built",
          r.reference()
              + " "
              + r.imageId().substring(7, 19)
              + " ("
              + r.stepsRun()
              + " steps run, "
              + r.stepsCached()
              + " cached)");
    } catch (BuildException e) {
      throw new ComposeException(
          kind(e.kind()), "service \"" + s.name() + "\" failed to build: " + e.getMessage(), e);
    } catch (ContainerException e) {
      throw new ComposeException(
          Kind.UNAVAILABLE, "service \"" + s.name() + "\" failed to build: " + e.getMessage(), e);
    }
  }

  private static Kind kind(BuildException.Kind k) {
    return switch (k) {
      case NOT_FOUND -> Kind.NOT_FOUND;
      case UNAVAILABLE -> Kind.UNAVAILABLE;
      case INTERNAL -> Kind.INTERNAL;
      default -> Kind.INVALID;
    };
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
      // a caller that went away must not break the verb
    }
  }
}
