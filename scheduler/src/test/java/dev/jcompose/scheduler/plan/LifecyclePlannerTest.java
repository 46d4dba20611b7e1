package dev.jcompose.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecyclePlannerTest {
  private static ObservedContainer c(String service, Status status, String dependsOn) {
    return new ObservedContainer(
        "p-" + service + "-1",
        status,
        Map.of(
            Labels.PROJECT,
            "p",
            Labels.SERVICE,
            service,
            Labels.NUMBER,
            "1",
            Labels.DEPENDS_ON,
            dependsOn));
  }

  @Test
  void down_stopsDependantsFirst_thenRemovesEverything() {
    Plan plan =
        LifecyclePlanner.down(
            List.of(
                c("db", Status.RUNNING, ""),
                c("web", Status.RUNNING, "db:service_healthy:false"),
                c("job", Status.EXITED, "")),
            List.of("p_default"),
            List.of("p_data"),
            true);
    assertThat(plan.toString())
        .isEqualTo(
            """
        stop container p-web-1
        stop container p-db-1  after: stop container p-web-1
        remove container p-db-1  (even if they failed)  after: stop container p-db-1
        remove container p-job-1
        remove container p-web-1  (even if they failed)  after: stop container p-web-1
        remove network p_default  after: remove container p-db-1, remove container p-job-1, remove container p-web-1
        remove volume p_data  after: remove container p-db-1, remove container p-job-1, remove container p-web-1
        """);
  }

  @Test
  void start_dependenciesFirst_onlyNotRunning() {
    Plan plan =
        LifecyclePlanner.start(
            List.of(
                c("web", Status.EXITED, "db:service_started:false"),
                c("db", Status.EXITED, ""),
                c("cache", Status.RUNNING, "")));
    assertThat(plan.toString())
        .isEqualTo(
            """
        start container p-db-1
        start container p-web-1  after: start container p-db-1
        """);
  }

  @Test
  void restart_includesDependantsWithRestartTrue() {
    List<ObservedContainer> cs =
        List.of(
            c("db", Status.RUNNING, ""),
            c("web", Status.RUNNING, "db:service_healthy:true"),
            c("proxy", Status.RUNNING, "web:service_started:true"),
            c("worker", Status.RUNNING, "db:service_started:false"));
    assertThat(LifecyclePlanner.withRestartDependants(cs, List.of("db")))
        .containsExactly("db", "proxy", "web");
  }
}
