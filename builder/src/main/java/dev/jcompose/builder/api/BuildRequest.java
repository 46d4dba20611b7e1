package dev.jcompose.builder.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One image to build. Plain data: knows nothing of compose.
 *
 * @param context the build context directory (absolute)
 * @param dockerfile the Dockerfile, absolute or relative to the context; null = {@code Dockerfile}
 * @param dockerfileInline the Dockerfile's text instead of a file (then {@code dockerfile} only
 *     names it in errors)
 * @param buildArgs values for ARG
 * @param target the stage to build, null = the last
 * @param tags references the image is stored under; the first is the main one
 * @param labels labels added to the image
 * @param network RUN's network: {@code default}, {@code none} or {@code host}
 * @param extraHosts {@code host:ip} lines for RUN's /etc/hosts
 * @param shmSizeBytes /dev/shm size for RUN, null = 64 MiB
 * @param secrets contents of the secrets {@code RUN --mount=type=secret} may use, by id
 * @param additionalContexts named contexts: a directory, or {@code docker-image://ref}
 * @param cacheFrom local images whose build cache this build may reuse
 * @param noCache run every step even if it is cached
 * @param pull refresh base images from their registry even if present
 */
public record BuildRequest(
    Path context,
    Path dockerfile,
    String dockerfileInline,
    Map<String, String> buildArgs,
    String target,
    List<String> tags,
    Map<String, String> labels,
    String network,
    List<String> extraHosts,
    Long shmSizeBytes,
    Map<String, byte[]> secrets,
    Map<String, String> additionalContexts,
    List<String> cacheFrom,
    boolean noCache,
    boolean pull) {

  /** A request with defaults for everything but the context and the tag. */
  public static BuildRequest of(Path context, String tag) {
    return new BuildRequest(
        context,
        null,
        null,
        Map.of(),
        null,
        List.of(tag),
        Map.of(),
        "default",
        List.of(),
        null,
        Map.of(),
        Map.of(),
        List.of(),
        false,
        false);
  }
}
