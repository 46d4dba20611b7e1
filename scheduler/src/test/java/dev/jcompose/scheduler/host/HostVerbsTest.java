package dev.jcompose.scheduler.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.LogLine;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.testing.FakeImages;
import dev.jcompose.scheduler.testing.FakeRuntime;
import dev.jcompose.scheduler.testing.FakeVolumes;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class HostVerbsTest {
  private final FakeRuntime runtime = new FakeRuntime();
  private final FakeImages images = new FakeImages().with("busybox");
  private final FakeVolumes volumes = new FakeVolumes();
  private final Map<Path, List<LogLine>> files = new java.util.HashMap<>();
  private final LogReader reader =
      new LogReader() {
        @Override
        public void read(
            Path logFile, Options options, Predicate<LogLine> sink, BooleanSupplier stop) {
          files.getOrDefault(logFile, List.of()).forEach(sink::test);
        }
      };
  private final HostVerbs host =
      new HostVerbs(
          () -> runtime,
          () -> reader,
          () -> images,
          () -> volumes,
          () -> {
            throw new AssertionError("no container files in these tests");
          },
          () -> {
            throw new AssertionError("no engine in these tests");
          });

  private void container(String name, String service, int n, String... lines) {
    runtime.create(
        new ContainerSpec(
            name,
            FakeImages.handle("busybox"),
            null,
            null,
            null,
            null,
            List.of(),
            Map.of(),
            null,
            false,
            false,
            Map.of(),
            List.of(),
            null,
            Map.of(
                Labels.PROJECT,
                "p",
                Labels.SERVICE,
                service,
                Labels.NUMBER,
                Integer.toString(n),
                Labels.ONEOFF,
                "False",
                Labels.IMAGE_REF,
                "busybox"),
            ContainerSpec.Isolation.defaults(),
            null,
            null));
    List<LogLine> l = new ArrayList<>();
    for (String line : lines) {
      String[] atText = line.split(" ", 2);
      l.add(
          new LogLine(
              Instant.ofEpochMilli(Long.parseLong(atText[0])), LogLine.Stream.STDOUT, atText[1]));
    }
    files.put(Path.of("/logs/" + name), l);
  }

  @Test
  void logs_severalContainers_interleavedByTime_stableOnTies_afterNamingThem() {
    container("p-web-1", "web", 1, "1 w1", "3 w3", "5 w5");
    container("p-db-1", "db", 1, "2 d2", "3 d3", "6 d6");
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    host.logs(
        "p",
        new LogOptions(List.of(), List.of(), null, -1, null, null, false, false),
        new LogSink() {
          @Override
          public void containers(List<String> names) {
            seen.add("containers " + names);
          }

          @Override
          public void accept(LogEntry e) {
            seen.add(e.text());
          }
        },
        () -> false);
    assertThat(seen)
        .containsExactly("containers [p-db-1, p-web-1]", "w1", "d2", "d3", "w3", "w5", "d6");
  }

  @Test
  void logs_serviceAndIndexSelectOneContainer() {
    container("p-web-1", "web", 1, "1 first");
    container("p-web-2", "web", 2, "1 second");
    List<String> seen = new ArrayList<>();
    host.logs(
        "p",
        new LogOptions(List.of("web"), List.of(), 2, -1, null, null, false, false),
        e -> seen.add(e.container()),
        () -> false);
    assertThat(seen).containsExactly("p-web-2");
  }

  @Test
  void exec_stoppedOrMissingContainer_isAComposeError() {
    container("p-web-1", "web", 1);
    ExecOptions o = new ExecOptions("web", 1, List.of("true"), List.of(), null, null, false, false);
    assertThatThrownBy(() -> host.exec("p", o))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e).hasMessage("container p-web-1 is not running"));
    assertThatThrownBy(
            () ->
                host.exec(
                    "p",
                    new ExecOptions("db", 1, List.of("true"), List.of(), null, null, false, false)))
        .hasMessage("service \"db\" is not running");
    runtime.start("p-web-1");
    assertThat(host.exec("p", o).exitCode().join()).isEqualTo(1);
  }

  @Test
  void volumes_onlyTheProjects_sorted_andRemovedByKey() {
    volumes.ensure("p_db", Map.of(Labels.PROJECT, "p"));
    volumes.ensure("p_cache", Map.of(Labels.PROJECT, "p"));
    volumes.ensure("q_db", Map.of(Labels.PROJECT, "q"));
    assertThat(host.volumes("p")).extracting(v -> v.name()).containsExactly("p_cache", "p_db");
    assertThat(host.removeVolume("p", "db")).isEqualTo("p_db");
    assertThat(volumes.volumes).doesNotContainKey("p_db");
  }

  @Test
  void images_containersFirst_thenServicesWithoutContainers() {
    container("p-web-1", "web", 1);
    var project =
        Proj.of("p").service(Svc.of("web")).service(Svc.of("cache").image("redis:7")).build();
    assertThat(host.images(project, List.of()))
        .extracting(
            i -> i.container() + " " + i.repository() + ":" + i.tag() + " " + (i.imageId() != null))
        .containsExactly("p-web-1 busybox:latest true", " redis:7 false");
  }

  @Test
  void pullEvents_phaseChangesAlwaysSent_bytesAtMostTenTimesASecond_withTheirCounts() {
    List<Event> events = new ArrayList<>();
    PullEvents p = new PullEvents("web", events::add);
    String layer = "sha256:" + "a".repeat(64);
    p.update("r", layer, "Downloading", 0, 2_500_000);
    p.update("r", layer, "Downloading", 1_000_000, 2_500_000);
    p.update("r", layer, "Pull complete", 2_500_000, 2_500_000);
    p.update("r", null, "Pulled", 0, 0);
    assertThat(events)
        .extracting(e -> e.resource() + " " + e.action())
        .containsExactly("aaaaaaaaaaaa Downloading", "aaaaaaaaaaaa Pull complete");
    assertThat(events.get(0).attributes())
        .containsEntry("parent", "web")
        .containsEntry("total", "2500000")
        .containsEntry("layer", "true");
  }

  @Test
  void pull_missingPolicy_skipsLocalImages_andUnknownServiceIsNotFound() {
    var project = Proj.of("p").service(Svc.of("web")).build();
    List<Event> events = new ArrayList<>();
    host.pull(project, new PullOptions(List.of(), false, "missing"), events::add);
    assertThat(events)
        .extracting(Event::action)
        .containsExactly("Skipped - Image is already present locally");
    assertThatThrownBy(
            () -> host.pull(project, new PullOptions(List.of("nope"), false, null), e -> {}))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.NOT_FOUND));
  }
}
