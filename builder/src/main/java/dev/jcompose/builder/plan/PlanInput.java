package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.InstructionParser.Program;
import java.util.List;
import java.util.Map;

/**
 * Everything a plan depends on.
 *
 * @param buildArgs {@code --build-arg} values (override ARG defaults)
 * @param target the stage to build, null for the last
 * @param platform the host's platform ({@code linux/amd64}); the only one that can be built
 * @param labels labels added to the final image
 * @param extraHosts {@code host:ip} entries for RUN's /etc/hosts
 * @param network the build's network for RUN: {@code default}, {@code none} or {@code host}
 * @param namedContexts additional contexts by name: a directory path, or {@code docker-image://ref}
 */
public record PlanInput(
    Program program,
    Map<String, String> buildArgs,
    String target,
    String platform,
    Map<String, String> labels,
    List<String> extraHosts,
    String network,
    Map<String, String> namedContexts,
    BaseImages images,
    SourceDigests sources) {}
