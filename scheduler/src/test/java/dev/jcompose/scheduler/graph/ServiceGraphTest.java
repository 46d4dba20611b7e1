package dev.jcompose.scheduler.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
  @Test
  void startOrder_dependenciesFirst_stopOrderReversed() {
    var g =
        new ServiceGraph(
            Proj.of("p")
                .service(Svc.of("web").dependsOn("api", "service_started"))
                .service(Svc.of("api").dependsOn("db", "service_healthy"))
                .service(Svc.of("db"))
                .service(Svc.of("vpn-app").networkMode("service:db"))
                .build());
    assertThat(g.startOrder()).containsExactly("db", "api", "vpn-app", "web");
    assertThat(g.stopOrder()).containsExactly("web", "vpn-app", "api", "db");
    assertThat(g.withDependencies(List.of("web"))).containsExactly("api", "db", "web");
  }

  @Test
  void cycle_isNamed() {
    assertThatThrownBy(
            () ->
                new ServiceGraph(
                    Proj.of("p")
                        .service(Svc.of("a").dependsOn("b", "service_started"))
                        .service(Svc.of("b").dependsOn("c", "service_started"))
                        .service(Svc.of("c").dependsOn("a", "service_started"))
                        .build()))
        .isInstanceOf(ComposeException.class)
        .hasMessage("dependency cycle detected: a -> b -> c -> a");
  }

  @Test
  void missingOptionalDependency_isIgnored() {
    var g =
        new ServiceGraph(
            Proj.of("p").service(Svc.of("a").dependsOn("gone", "service_started")).build());
    assertThat(g.dependencies("a")).isEmpty();
  }
}
