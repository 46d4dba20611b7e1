package dev.jcompose.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.dockerfile.DockerfileParser;
import dev.jcompose.builder.dockerfile.Instruction.Location;
import dev.jcompose.builder.dockerfile.InstructionParser;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {
  private final Map<String, String> files = new HashMap<>(Map.of("app.c", "v1", "Makefile", "m1"));
  private final Map<String, JsonNode> images = new HashMap<>();
  private final List<String> resolved = new ArrayList<>();

  BuildPlannerTest() {
    image(
        "docker.io/library/busybox:latest",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"sh\"]}}");
    image(
        "docker.io/library/base:1",
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"run\"],"
            + "\"OnBuild\":[\"COPY Makefile /onbuild/\",\"ENV FROM_TRIGGER=1\"]}}");
  }

  private void image(String ref, String config) {
    images.put(ref, Json.parse(config));
  }

  private PlanInput input(String dockerfile, Map<String, String> args, String target) {
    BaseImages base =
        (ref, where) -> {
          resolved.add(ref);
          JsonNode c = images.get(ref);
          if (c == null) {
            throw new BuildException(
                BuildException.Kind.NOT_FOUND, where + ": no such image " + ref);
          }
          return new ImageInfo(ref, "sha256:" + Integer.toHexString(ref.hashCode()), c);
        };
    SourceDigests sources =
        new SourceDigests() {
          @Override
          public String context(
              String context, String pattern, List<String> excludes, Location where) {
            StringBuilder s = new StringBuilder();
            files.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(
                    e ->
                        pattern.equals(".")
                            || pattern.equals("/")
                            || pattern.equals(e.getKey())
                            || pattern.equals("*.c") && e.getKey().endsWith(".c"))
                .forEach(e -> s.append(e.getKey()).append('=').append(e.getValue()).append(';'));
            return context + ":" + s + excludes;
          }

          @Override
          public String url(String url, String checksum, Location where) {
            return "url:" + url;
          }
        };
    return new PlanInput(
        InstructionParser.parse(DockerfileParser.parse("Dockerfile", dockerfile)),
        args,
        target,
        "linux/amd64",
        Map.of("com.example.built-by", "jcompose"),
        List.of(),
        "default",
        Map.of(),
        base,
        sources);
  }

  private BuildPlan plan(String dockerfile) {
    return BuildPlanner.plan(input(dockerfile, Map.of(), null));
  }

  /** The plan text with each distinct key replaced by k1, k2, ... in order of first appearance. */
  private static String golden(BuildPlan plan) {
    Matcher m = Pattern.compile("key=([0-9a-f]{12})").matcher(plan.toString());
    Map<String, String> names = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = names.computeIfAbsent(m.group(1), k -> "k" + (names.size() + 1));
      m.appendReplacement(out, "key=" + name);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> keys(BuildPlan plan) {
    List<String> out = new ArrayList<>();
    plan.stages().forEach(s -> s.steps().forEach(st -> out.add(st.key())));
    return out;
  }

  private static final String MULTI =
      String.join(
          "\n",
          "ARG BASE=busybox",
          "FROM ${BASE} AS build",
          "WORKDIR /src",
          "COPY Makefile app.c ./",
          "RUN make app",
          "FROM busybox AS test",
          "RUN make test",
          "FROM scratch",
          "COPY --from=build /src/app /app",
          "ENTRYPOINT [\"/app\"]",
          "");

  @Test
  void plan_multiStage_skipsStagesTheTargetDoesNotNeed() {
    assertThat(golden(plan(MULTI)))
        .isEqualTo(
            String.join(
                "\n",
                "stage 0 build FROM docker.io/library/busybox:latest ("
                    + "sha256:"
                    + Integer.toHexString("docker.io/library/busybox:latest".hashCode())
                    + ")",
                "  2 WORKDIR /src  key=k1",
                "    path=/src user=null",
                "  3 COPY Makefile app.c /src/  key=k2",
                "    from=context sources=[Makefile, app.c] dest=/src/",
                "  4 RUN make app  key=k3",
                "    args=[/bin/sh, -c, make app] env=[PATH=/bin] cwd=/src user=null net=default",
                "  history: WORKDIR /src [2] | COPY Makefile app.c /src/ # buildkit [3] | RUN /bin/sh -c make app # buildkit [4]",
                "  config: {\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"sh\"],\"WorkingDir\":\"/src\"}",
                "stage 2 2 (target) FROM scratch",
                "  1 COPY --from=build /src/app /app  key=k4",
                "    from=stage:0 sources=[/src/app] dest=/app",
                "  history: COPY --from=build /src/app /app # buildkit [1] | ENTRYPOINT [\"/app\"]",
                "  config: {\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Entrypoint\":[\"/app\"],"
                    + "\"ArgsEscaped\":true,\"Labels\":{\"com.example.built-by\":\"jcompose\"}}",
                ""));
    assertThat(resolved).containsExactly("docker.io/library/busybox:latest");
  }

  @Test
  void plan_target_stopsAtTheNamedStage() {
    BuildPlan plan = BuildPlanner.plan(input(MULTI, Map.of(), "test"));
    assertThat(plan.stages()).extracting(BuildPlan.PlannedStage::index).containsExactly(1);
    assertThat(plan.targetStage().name()).isEqualTo("test");
  }

  @Test
  void plan_oneChangedFile_changesTheKeysFromItsCopyOn() {
    List<String> before = keys(plan(MULTI));
    files.put("app.c", "v2");
    List<String> after = keys(plan(MULTI));
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(after.subList(1, 4)).doesNotContainAnyElementsOf(before);
  }

  @Test
  void plan_sameInput_sameKeys() {
    assertThat(keys(plan(MULTI))).isEqualTo(keys(plan(MULTI)));
  }

  @Test
  void plan_copyLink_keyDoesNotDependOnTheLayersBelow() {
    String a = "FROM busybox\nRUN echo a\nCOPY --link app.c /x\n";
    String b = "FROM busybox\nRUN echo b\nCOPY --link app.c /x\n";
    assertThat(keys(plan(a)).get(1)).isEqualTo(keys(plan(b)).get(1));
    assertThat(keys(plan(a.replace("--link ", ""))).get(1))
        .isNotEqualTo(keys(plan(b.replace("--link ", ""))).get(1));
  }

  @Test
  void plan_buildArgs_reachRunAfterTheirArgOnly() {
    String df = "FROM busybox\nRUN echo before\nARG V=1\nRUN echo $V\nENV V=env\nRUN echo after\n";
    BuildPlan one = plan(df);
    BuildPlan two = BuildPlanner.plan(input(df, Map.of("V", "2"), null));
    assertThat(keys(one).get(0)).isEqualTo(keys(two).get(0));
    assertThat(keys(one).get(1)).isNotEqualTo(keys(two).get(1));
    Step.Run withArg = (Step.Run) two.targetStage().steps().get(1);
    assertThat(withArg.env()).containsExactly("PATH=/bin", "V=2");
    Step.Run afterEnv = (Step.Run) two.targetStage().steps().get(2);
    assertThat(afterEnv.env()).containsExactly("PATH=/bin", "V=env");
    assertThat(two.targetStage().history().get(2).createdBy())
        .isEqualTo("RUN |1 V=2 /bin/sh -c echo $V # buildkit");
  }

  @Test
  void plan_metaArgs_expandFromAndAreInheritedByArgWithoutDefault() {
    String df = "ARG TAG=1\nARG UNUSED\nFROM base:${TAG}\nARG TAG\nRUN echo $TAG\n";
    BuildPlan plan = BuildPlanner.plan(input(df, Map.of("NOPE", "x"), null));
    assertThat(((Step.Run) plan.targetStage().steps().get(1)).env()).contains("TAG=1");
    assertThat(plan.warnings()).containsExactly("One or more build-args [NOPE] were not consumed");
  }

  @Test
  void plan_onbuildTriggersOfTheBaseRunFirstAndAreNotInherited() {
    BuildPlan plan = plan("FROM base:1\nRUN true\n");
    PlannedStageAssert.steps(plan).containsExactly("COPY Makefile /onbuild/", "RUN true");
    assertThat(plan.targetStage().image().path("config").has("OnBuild")).isFalse();
    assertThat(plan.targetStage().image().path("config").path("Env").toString())
        .contains("FROM_TRIGGER=1");
  }

  @Test
  void plan_metadataInstructions_editTheConfig() {
    String df =
        String.join(
            "\n",
            "FROM base:1",
            "USER app",
            "EXPOSE 80 8000-8001/udp",
            "VOLUME /data",
            "STOPSIGNAL SIGQUIT",
            "HEALTHCHECK --interval=5s --retries=3 CMD wget -q localhost",
            "SHELL [\"/bin/bash\", \"-c\"]",
            "ENTRYPOINT echo hi",
            "LABEL a=b",
            "");
    String config = plan(df).targetStage().image().path("config").toString();
    assertThat(config)
        .contains(
            "\"User\":\"app\"",
            "\"80/tcp\":{}",
            "\"8000/udp\":{}",
            "\"8001/udp\":{}",
            "\"/data\":{}",
            "\"StopSignal\":\"SIGQUIT\"",
            "\"Test\":[\"CMD-SHELL\",\"wget -q localhost\"],\"Interval\":5000000000,\"Retries\":3",
            "\"Entrypoint\":[\"/bin/bash\",\"-c\",\"echo hi\"]",
            "\"a\":\"b\"");
    assertThat(config).doesNotContain("Cmd");
  }

  @Test
  void plan_runHeredocs_becomeScriptsAsInBuildKit() {
    BuildPlan plan =
        plan(
            "FROM busybox\nRUN <<EOF\necho one\nEOF\nRUN <<EOF\n#!/bin/sh\necho two\nEOF\nRUN cat <<A > /f\nx\nA\n");
    List<Step> steps = plan.targetStage().steps();
    assertThat(((Step.Run) steps.get(0)).args()).containsExactly("/bin/sh", "-c", "echo one\n");
    assertThat(((Step.Run) steps.get(1)).args()).containsExactly("/dev/pipes/EOF");
    assertThat(((Step.Run) steps.get(1)).mounts())
        .extracting(RunMount::content)
        .containsExactly("#!/bin/sh\necho two\n");
    assertThat(((Step.Run) steps.get(2)).args())
        .containsExactly("/bin/sh", "-c", "cat <<A > /f\nx\nA");
  }

  @Test
  void plan_copyHeredoc_expandsUnlessQuoted() {
    BuildPlan plan = plan("FROM busybox\nENV N=7\nCOPY <<a <<'b' /etc/\n$N\na\n$N\nb\n");
    Step.Copy c = (Step.Copy) plan.targetStage().steps().get(0);
    assertThat(c.inline())
        .containsExactly(new Step.InlineFile("a", "7\n"), new Step.InlineFile("b", "$N\n"));
  }

  @Test
  void plan_runMounts_areParsedAndKeyed() {
    Step.Run r =
        (Step.Run)
            plan("FROM busybox\nRUN --mount=type=cache,target=/root/.cache --mount=type=bind,source=app.c,target=/x "
                    + "--mount=type=secret,id=tok --mount=type=tmpfs,target=/t,size=1m --network=none make\n")
                .targetStage()
                .steps()
                .get(0);
    assertThat(r.mounts())
        .extracting(RunMount::describe)
        .containsExactly(
            "cache target=/root/.cache id=/root/.cache sharing=shared",
            "bind target=/x source=app.c ro",
            "secret target=/run/secrets/tok ro id=tok mode=400 uid=0 gid=0",
            "tmpfs target=/t size=1048576");
    assertThat(r.network()).isEqualTo("none");
  }

  @Test
  void plan_refusesWhatItCannotBuild() {
    assertThatThrownBy(() -> plan("FROM busybox\nRUN --mount=type=ssh true\n"))
        .hasMessageContaining("Dockerfile:2: RUN --mount=type=ssh is not supported");
    assertThatThrownBy(() -> plan("FROM --platform=linux/s390x busybox\n"))
        .hasMessageContaining(
            "Dockerfile:1: FROM --platform=linux/s390x: only the host's platform");
    assertThatThrownBy(() -> plan("FROM busybox\nRUN --network=host true\n"))
        .hasMessageContaining("Dockerfile:2: RUN --network=host needs");
    assertThatThrownBy(() -> plan("FROM busybox\nCOPY a b /dst\n"))
        .hasMessageContaining("Dockerfile:2: When using COPY with more than one source file");
    assertThatThrownBy(
            () ->
                BuildPlanner.plan(
                    input(
                        "FROM busybox AS a\nCOPY --from=b /x /y\nFROM busybox AS b\n",
                        Map.of(),
                        "a")))
        .hasMessageContaining("Dockerfile:2: cannot copy from stage \"b\"");
    assertThatThrownBy(() -> BuildPlanner.plan(input(MULTI, Map.of(), "nope")))
        .hasMessageContaining("target stage \"nope\" could not be found");
    assertThatThrownBy(() -> plan("FROM busybox\nCOPY --chmod=u+x app.c /x\n"))
        .hasMessageContaining("invalid --chmod value");
    assertThatThrownBy(() -> plan("FROM busybox\nENV A=\"${X?needs X}\"\n"))
        .hasMessageContaining("Dockerfile:2: failed to process")
        .hasMessageContaining("X: needs X");
  }

  @Test
  void plan_addUrl_isKeyedByItsContent() {
    Step.Copy c =
        (Step.Copy)
            plan("FROM busybox\nADD --checksum=sha256:"
                    + "a".repeat(64)
                    + " https://example.invalid/f.tgz /opt/\n")
                .targetStage()
                .steps()
                .get(0);
    assertThat(c.checksum()).isEqualTo("sha256:" + "a".repeat(64));
    assertThat(c.add()).isTrue();
    assertThatThrownBy(() -> plan("FROM busybox\nCOPY https://example.invalid/f /x\n"))
        .hasMessageContaining("source can't be a URL for COPY");
  }

  /** Tiny helper for step display assertions. */
  static final class PlannedStageAssert {
    static org.assertj.core.api.ListAssert<String> steps(BuildPlan plan) {
      return assertThat(plan.targetStage().steps().stream().map(Step::display).toList());
    }
  }
}
