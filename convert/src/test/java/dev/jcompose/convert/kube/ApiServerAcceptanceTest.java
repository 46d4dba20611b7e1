package dev.jcompose.convert.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.convert.KubernetesConverter;
import dev.jcompose.convert.api.Conversion;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.api.Fixtures;
import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance tier of {@code convert}: every manifest converted from every compose file of
 * {@link ComposeCorpus} that jcompose loads is accepted, without warnings, by a real
 * kube-apiserver's server-side dry-run with strict field validation. Needs the binaries of
 * scripts/k8s-peers.sh (tag {@code k8s}: run with {@code -Proot}, as scripts/test.sh does).
 */
@Tag("k8s")
class ApiServerAcceptanceTest {
  private static KubeApiServer server;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    server = KubeApiServer.start(Peers.find());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Path> files() throws IOException {
    return ComposeCorpus.all().stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void convertedManifests_areAcceptedByDryRun(Path dir) throws IOException, InterruptedException {
    LoadResult loaded;
    try {
      loaded = Fixtures.load(dir);
    } catch (ComposeFileException e) {
      Assumptions.abort("jcompose does not load " + dir + ": " + e.getMessage());
      return;
    }
    Conversion c = KubernetesConverter.convert(loaded, ConvertOptions.defaults(Fixtures.ENV));
    List<Verdict> problems = new ArrayList<>();
    for (Manifest m : c.manifests()) {
      Verdict v = server.dryRun(m.yaml());
      if (!v.accepted() || !v.warnings().isEmpty()) {
        problems.add(v);
      }
    }
    System.out.printf(
        "%s: %d manifests, %d accepted without warnings, %d findings%n",
        dir, c.manifests().size(), c.manifests().size() - problems.size(), c.findings().size());
    assertThat(c.manifests()).isNotEmpty();
    assertThat(problems).as("API server verdicts for %s", dir).isEmpty();
  }

  @Test
  void dryRun_judgesForReal_rejectsWhatValidationForbids()
      throws IOException, InterruptedException {
    String mismatched =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: bad}
        spec:
          selector: {matchLabels: {app: one}}
          template:
            metadata: {labels: {app: other}}
            spec: {containers: [{name: c, image: busybox}]}
        """;
    String unknownField =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: extra}
        data: {a: b}
        dataa: {a: b}
        """;
    assertThat(server.dryRun(mismatched).message())
        .contains("selector")
        .contains("does not match template");
    assertThat(server.dryRun(unknownField).message()).contains("unknown field").contains("dataa");
    assertThat(
            server
                .dryRun("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\ndata: {a: b}\n")
                .accepted())
        .isTrue();
  }
}
