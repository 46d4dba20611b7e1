package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachedServicesTest {
  private static final List<Service> SERVICES =
      List.of(service("web", true), service("db", true), service("noisy", false));

  private static final List<String> ALL = List.of("web", "db", "noisy");

  private static Service service(String name, boolean attach) {
    return Service.builder(name)
        .image("busybox")
        .process(ServiceProcess.builder().attach(attach).build())
        .build();
  }

  @Test
  void attachFalse_isLeftOutOfAPlainUp() {
    assertThat(AttachedServices.select(SERVICES, ALL, List.of(), List.of()))
        .containsExactly("web", "db");
  }

  @Test
  void namedServices_narrowTheChoice_butAttachFalseStillHolds() {
    assertThat(AttachedServices.select(SERVICES, List.of("web", "noisy"), List.of(), List.of()))
        .containsExactly("web");
  }

  @Test
  void attachOption_overridesAttachFalse_andReplacesTheDefault() {
    assertThat(AttachedServices.select(SERVICES, ALL, List.of("noisy"), List.of()))
        .containsExactly("noisy");
  }

  @Test
  void noAttachOption_removesFromEitherChoice() {
    assertThat(AttachedServices.select(SERVICES, ALL, List.of(), List.of("db")))
        .containsExactly("web");
    assertThat(AttachedServices.select(SERVICES, ALL, List.of("noisy", "db"), List.of("db")))
        .containsExactly("noisy");
  }
}
