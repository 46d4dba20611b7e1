package dev.jcompose.scheduler.host;

import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PullOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code pull}: the services' images into the local store, three at once, progress in docker
 * compose's plain form: {@code web Pulling}, one event per layer phase change ({@code a2abf6c4d29d
 * Downloading 2.5MB}, not per chunk), {@code web Pulled}.
 */
final class ImagePulls {
  private static final int PARALLEL_IMAGES = 3;
  private final ImageService images;

  ImagePulls(ImageService images) {
    this.images = images;
  }

  void pull(Project project, PullOptions options, Consumer<Event> progress) {
    Map<String, String> wanted = imagesToPull(project, options);
    Progress out = new Progress(progress);
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_IMAGES);
    try {
      Map<String, Future<?>> pulls = new LinkedHashMap<>();
      wanted.forEach(
          (name, image) -> pulls.put(name, pool.submit(() -> pullOne(name, image, options, out))));
      awaitAll(pulls, options, out);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Service name -> image, in service order; services without an image are built, not pulled. */
  private static Map<String, String> imagesToPull(Project project, PullOptions options) {
    for (String s : options.services()) {
      if (!project.services().containsKey(s)) {
        throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such service: " + s);
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    project
        .services()
        .forEach(
            (name, svc) -> {
              if ((options.services().isEmpty() || options.services().contains(name))
                  && svc.image() != null
                  && !"build".equals(svc.pullPolicy())) {
                result.put(name, svc.image());
              }
            });
    return result;
  }

  private Void pullOne(String name, String image, PullOptions options, Progress out) {
    if ("missing".equals(options.policy()) && images.find(image).isPresent()) {
      out.line(name, "Skipped - Image is already present locally");
      return null;
    }
    out.line(name, "Pulling");
    images.pull(image, new PullEvents(name, out.sink));
    out.line(name, "Pulled");
    return null;
  }

  private static void awaitAll(Map<String, Future<?>> pulls, PullOptions options, Progress out) {
    ComposeException first = null;
    for (Map.Entry<String, Future<?>> e : pulls.entrySet()) {
      try {
        e.getValue().get();
      } catch (ExecutionException ex) {
        ComposeException cause = Failures.of(ex.getCause());
        out.line(
            e.getKey(), (options.ignoreFailures() ? "Warning " : "Error ") + cause.getMessage());
        first = first == null ? cause : first;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new ComposeException(ComposeException.Kind.UNAVAILABLE, "pull interrupted", ex);
      }
    }
    if (first != null && !options.ignoreFailures()) {
      throw first;
    }
  }

  /**
   * Progress as events: the services' lines here, the layers' through {@link PullEvents};
   * thread-safe.
   */
  static final class Progress {
    private final Consumer<Event> sink;

    Progress(Consumer<Event> sink) {
      this.sink =
          e -> {
            synchronized (this) {
              sink.accept(e);
            }
          };
    }

    synchronized void line(String resource, String text) {
      sink.accept(new Event(Instant.now(), resource, text, "", Map.of()));
    }
  }
}
