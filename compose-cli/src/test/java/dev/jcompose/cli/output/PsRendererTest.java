package dev.jcompose.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.ContainerSummary.Publisher;
import dev.jcompose.scheduler.api.HumanDuration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PsRendererTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_004L);
  private final PsRenderer renderer = new PsRenderer(NOW, () -> ZoneId.of("UTC"), false);

  static ContainerSummary container(
      String name, String service, String command, String status, List<Publisher> ports) {
    return new ContainerSummary(
        "3f2a9c1d5e6b7a8c9d0e1f2a3b4c5d6e",
        name,
        "example",
        service,
        1,
        "alpine",
        command,
        1_700_000_000L,
        status.startsWith("Up") ? "running" : "exited",
        status,
        "",
        status.startsWith("Up") ? 0 : 3,
        ports,
        Map.of("com.docker.compose.service", service, "com.docker.compose.project", "example"),
        List.of("example_default"),
        Map.of());
  }

  @Test
  void table_twoContainers_matchesDockerComposeLayout() {
    List<ContainerSummary> cs =
        List.of(
            container(
                "example-foo-1",
                "foo",
                "/entrypoint.sh --serve all",
                "Up 2 seconds (healthy)",
                List.of(new Publisher("0.0.0.0", 80, 8080, "tcp"))),
            container("example-bar-1", "bar", "echo hi", "Exited (3) 1 second ago", List.of()));

    assertThat(renderer.table(cs))
        .isEqualTo(
            "NAME            IMAGE     COMMAND                  SERVICE   CREATED         STATUS                    PORTS\n"
                + "example-foo-1   alpine    \"/entrypoint.sh --se…\"   foo       4 seconds ago   Up 2 seconds (healthy)    0.0.0.0:8080->80/tcp\n"
                + "example-bar-1   alpine    \"echo hi\"                bar       4 seconds ago   Exited (3) 1 second ago   \n");
  }

  @Test
  void table_noContainers_printsHeaderOnly() {
    assertThat(renderer.table(List.of()))
        .isEqualTo("NAME      IMAGE     COMMAND   SERVICE   CREATED   STATUS    PORTS\n");
  }

  @Test
  void jsonLines_oneObjectPerContainer_withDockerKeysInSortedOrder() {
    ContainerSummary c =
        container(
            "example-foo-1",
            "foo",
            "sh -c \"echo hi\"",
            "Up 2 seconds",
            List.of(new Publisher("0.0.0.0", 80, 8080, "tcp")));

    assertThat(renderer.jsonLines(List.of(c, c)).split("\n"))
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .isEqualTo(
                        "{\"Command\":\"\\\"sh -c \\\\\\\"echo hi\\\\\\\"\\\"\",\"CreatedAt\":\"2023-11-14 22:13:20 +0000 UTC\",\"ExitCode\":0,\"Health\":\"\","
                            + "\"ID\":\"3f2a9c1d5e6b\",\"Image\":\"alpine\","
                            + "\"Labels\":\"com.docker.compose.project=example,com.docker.compose.service=foo\",\"LocalVolumes\":\"0\",\"Mounts\":\"\","
                            + "\"Name\":\"example-foo-1\",\"Names\":\"example-foo-1\",\"Networks\":\"example_default\",\"Ports\":\"0.0.0.0:8080->80/tcp\","
                            + "\"Project\":\"example\",\"Publishers\":[{\"URL\":\"0.0.0.0\",\"TargetPort\":80,\"PublishedPort\":8080,\"Protocol\":\"tcp\"}],"
                            + "\"RunningFor\":\"4 seconds ago\",\"Service\":\"foo\",\"Size\":\"0B\",\"State\":\"running\",\"Status\":\"Up 2 seconds\"}"));
  }

  @Test
  void ports_rangesUnpublishedAndIpv6_asDockerPs() {
    List<Publisher> ports =
        List.of(
            new Publisher("0.0.0.0", 8001, 8001, "tcp"),
            new Publisher("0.0.0.0", 8000, 8000, "tcp"),
            new Publisher("", 6379, 0, "tcp"),
            new Publisher("::", 80, 8080, "tcp"),
            new Publisher("", 53, 0, "udp"));

    assertThat(PortsDisplay.of(ports))
        .isEqualTo("53/udp, 6379/tcp, 0.0.0.0:8000-8001->8000-8001/tcp, [::]:8080->80/tcp");
  }

  @Test
  void humanDuration_followsDockerThresholds() {
    assertThat(HumanDuration.of(java.time.Duration.ofMillis(500))).isEqualTo("Less than a second");
    assertThat(HumanDuration.of(java.time.Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(HumanDuration.of(java.time.Duration.ofSeconds(59))).isEqualTo("59 seconds");
    assertThat(HumanDuration.of(java.time.Duration.ofSeconds(61))).isEqualTo("About a minute");
    assertThat(HumanDuration.of(java.time.Duration.ofMinutes(59))).isEqualTo("59 minutes");
    assertThat(HumanDuration.of(java.time.Duration.ofMinutes(80))).isEqualTo("About an hour");
    assertThat(HumanDuration.of(java.time.Duration.ofHours(47))).isEqualTo("47 hours");
    assertThat(HumanDuration.of(java.time.Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(HumanDuration.of(java.time.Duration.ofDays(20))).isEqualTo("2 weeks");
    assertThat(HumanDuration.of(java.time.Duration.ofDays(90))).isEqualTo("3 months");
    assertThat(HumanDuration.of(java.time.Duration.ofDays(800))).isEqualTo("2 years");
  }
}
