package dev.jcompose.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.state.ObservedContainer;
import dev.jcompose.scheduler.state.ObservedState;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final Map<String, String> IMAGES =
      Map.of("busybox", "sha256:b", "postgres", "sha256:p");

  private static Project app() {
    return Proj.of("p")
        .service(Svc.of("db").image("postgres").health("CMD", "pg_isready"))
        .service(Svc.of("web").dependsOn("db", "service_healthy"))
        .build();
  }

  private static UpOptions opts() {
    return UpOptions.defaults();
  }

  private static UpOptions with(
      boolean force,
      boolean noRecreate,
      boolean noDeps,
      boolean removeOrphans,
      List<String> services,
      Map<String, Integer> scale) {
    return UpOptions.builder()
        .services(services)
        .forceRecreate(force)
        .noRecreate(noRecreate)
        .noDeps(noDeps)
        .removeOrphans(removeOrphans)
        .scale(scale)
        .build();
  }

  /** Everything of the project running and up to date. */
  private static List<ObservedContainer> running(Project p) {
    List<ObservedContainer> out = new ArrayList<>();
    for (Service s : p.services().values()) {
      for (int i = 1; i <= s.lifecycle().scale(); i++) {
        out.add(container(p, s.name(), i, s.configHash(), Status.RUNNING));
      }
    }
    return out;
  }

  private static ObservedContainer container(
      Project p, String service, int n, String hash, Status status) {
    return new ObservedContainer(
        p.name() + "-" + service + "-" + n,
        status,
        Map.of(
            Labels.PROJECT,
            p.name(),
            Labels.SERVICE,
            service,
            Labels.NUMBER,
            Integer.toString(n),
            Labels.ONEOFF,
            "False",
            Labels.CONFIG_HASH,
            hash,
            Labels.IMAGE,
            IMAGES.getOrDefault(service.equals("db") ? "postgres" : "busybox", "")));
  }

  private static String plan(Project p, List<ObservedContainer> observed, UpOptions o) {
    ObservedState s =
        new ObservedState(observed, observed.isEmpty() ? Set.of() : Set.of("p_default"), Set.of());
    return Reconciler.plan(new ReconcileInput(p, s, o, IMAGES)).toString();
  }

  @Test
  void freshUp_createsNetworkThenContainersInDependencyOrder() {
    assertThat(plan(app(), List.of(), opts()))
        .isEqualTo(
            """
        create network p_default
        create container p-db-1  after: create network p_default
        start container p-db-1  after: create container p-db-1
        create container p-web-1  after: create network p_default, create container p-db-1
        wait healthy db  after: start container p-db-1
        start container p-web-1  after: create container p-web-1, wait healthy db
        """);
  }

  @Test
  void freshUp_missingImage_isPulledBeforeCreate() {
    Project p = Proj.of("p").service(Svc.of("web").image("nginx")).build();
    assertThat(plan(p, List.of(), opts()))
        .isEqualTo(
            """
        create network p_default
        pull image nginx  (missing)
        create container p-web-1  after: create network p_default, pull image nginx
        start container p-web-1  after: create container p-web-1
        """);
  }

  @Test
  void secondUp_nothingChanged_isEmpty() {
    assertThat(plan(app(), running(app()), opts())).isEqualTo("(nothing to do)\n");
  }

  @Test
  void secondUp_stoppedContainer_isStartedAgain() {
    List<ObservedContainer> obs = new ArrayList<>(running(app()));
    obs.set(1, container(app(), "web", 1, obs.get(1).configHash(), Status.EXITED));
    assertThat(plan(app(), obs, opts()))
        .isEqualTo(
            """
        wait healthy db
        start container p-web-1  (not running)  after: wait healthy db
        """);
  }

  @Test
  void oneServiceChanged_onlyItIsRecreated() {
    Project changed =
        Proj.of("p")
            .service(Svc.of("db").image("postgres").health("CMD", "pg_isready"))
            .service(Svc.of("web").dependsOn("db", "service_healthy").env("A", "2"))
            .build();
    assertThat(plan(changed, running(app()), opts()))
        .isEqualTo(
            """
        stop container p-web-1  (config changed)
        remove container p-web-1  after: stop container p-web-1
        create container p-web-1  (config changed)  after: remove container p-web-1
        wait healthy db
        start container p-web-1  after: create container p-web-1, wait healthy db
        """);
  }

  @Test
  void imageChanged_recreates() {
    Project p = Proj.of("p").service(Svc.of("web")).build();
    List<ObservedContainer> obs =
        List.of(
            new ObservedContainer(
                "p-web-1",
                Status.RUNNING,
                Map.of(
                    Labels.PROJECT,
                    "p",
                    Labels.SERVICE,
                    "web",
                    Labels.NUMBER,
                    "1",
                    Labels.CONFIG_HASH,
                    p.services().get("web").configHash(),
                    Labels.IMAGE,
                    "sha256:old")));
    assertThat(plan(p, obs, opts())).contains("create container p-web-1  (image changed)");
  }

  @Test
  void scaleUp_addsNextNumbers() {
    Project p = Proj.of("p").service(Svc.of("web")).build();
    assertThat(plan(p, running(p), with(false, false, false, false, List.of(), Map.of("web", 3))))
        .isEqualTo(
            """
        create container p-web-2  (scale up to 3)
        start container p-web-2  after: create container p-web-2
        create container p-web-3  (scale up to 3)
        start container p-web-3  after: create container p-web-3
        """);
  }

  @Test
  void scaleDown_removesHighestNumbersFirst() {
    Project three = Proj.of("p").service(Svc.of("web").scale(3)).build();
    Project one = Proj.of("p").service(Svc.of("web").scale(1)).build();
    assertThat(plan(one, running(three), opts()))
        .isEqualTo(
            """
        stop container p-web-3  (scale down to 1)
        remove container p-web-3  after: stop container p-web-3
        stop container p-web-2  (scale down to 1)
        remove container p-web-2  after: stop container p-web-2
        """);
  }

  @Test
  void orphans_warnedByDefault_removedWithFlag() {
    Project p = Proj.of("p").service(Svc.of("web")).build();
    List<ObservedContainer> obs = new ArrayList<>(running(p));
    obs.add(container(p, "old", 1, "x", Status.RUNNING));
    assertThat(plan(p, obs, opts()))
        .isEqualTo(
            "warning: Found orphan containers (p-old-1) for this project. If you removed or renamed this service in your compose"
                + " file, you can run this command with the --remove-orphans flag to clean it up.\n");
    assertThat(plan(p, obs, with(false, false, false, true, List.of(), Map.of())))
        .isEqualTo(
            """
        stop container p-old-1  (orphan)
        remove container p-old-1  after: stop container p-old-1
        """);
  }

  @Test
  void namespaceSharingDependant_isRecreatedWithItsParent() {
    Project before =
        Proj.of("p")
            .service(Svc.of("vpn"))
            .service(Svc.of("app").networkMode("service:vpn"))
            .build();
    Project after =
        Proj.of("p")
            .service(Svc.of("vpn").env("X", "1"))
            .service(Svc.of("app").networkMode("service:vpn"))
            .build();
    assertThat(plan(after, running(before), opts()))
        .isEqualTo(
            """
        stop container p-app-1  (namespace parent vpn recreated)
        stop container p-vpn-1  (config changed)  after: stop container p-app-1
        remove container p-vpn-1  after: stop container p-vpn-1
        create container p-vpn-1  (config changed)  after: remove container p-vpn-1
        start container p-vpn-1  after: create container p-vpn-1
        remove container p-app-1  after: stop container p-app-1
        create container p-app-1  (namespace parent vpn recreated)  after: remove container p-app-1, start container p-vpn-1
        start container p-app-1  after: create container p-app-1
        """);
  }

  @Test
  void dependencyWithRestartTrue_dependantIsRestarted() {
    Project before =
        Proj.of("p")
            .service(Svc.of("db"))
            .service(Svc.of("web").dependsOn("db", "service_started", true))
            .build();
    Project after =
        Proj.of("p")
            .service(Svc.of("db").env("V", "2"))
            .service(Svc.of("web").dependsOn("db", "service_started", true))
            .build();
    assertThat(plan(after, running(before), opts()))
        .isEqualTo(
            """
        stop container p-web-1  (dependency db recreated)
        stop container p-db-1  (config changed)  after: stop container p-web-1
        remove container p-db-1  after: stop container p-db-1
        create container p-db-1  (config changed)  after: remove container p-db-1
        start container p-db-1  after: create container p-db-1
        start container p-web-1  after: stop container p-web-1, start container p-db-1
        """);
  }

  @Test
  void forceRecreate_recreatesEverything() {
    String text = plan(app(), running(app()), with(true, false, false, false, List.of(), Map.of()));
    assertThat(text)
        .contains("create container p-db-1  (forced)", "create container p-web-1  (forced)");
  }

  @Test
  void noRecreate_keepsChangedContainers() {
    Project changed =
        Proj.of("p")
            .service(Svc.of("db").image("postgres").health("CMD", "pg_isready"))
            .service(Svc.of("web").dependsOn("db", "service_healthy").env("A", "2"))
            .build();
    assertThat(plan(changed, running(app()), with(false, true, false, false, List.of(), Map.of())))
        .isEqualTo("(nothing to do)\n");
  }

  @Test
  void noDeps_onlyTheSelectedServiceIsTouched() {
    assertThat(plan(app(), List.of(), with(false, false, true, false, List.of("web"), Map.of())))
        .isEqualTo(
            """
        create network p_default
        create container p-web-1  after: create network p_default
        start container p-web-1  after: create container p-web-1
        """);
  }

  @Test
  void selectedService_bringsItsDependencies() {
    Project p =
        Proj.of("p")
            .service(Svc.of("db"))
            .service(Svc.of("web").dependsOn("db", "service_started"))
            .service(Svc.of("other"))
            .build();
    assertThat(plan(p, List.of(), with(false, false, false, false, List.of("web"), Map.of())))
        .isEqualTo(
            """
        create network p_default
        create container p-db-1  after: create network p_default
        start container p-db-1  after: create container p-db-1
        create container p-web-1  after: create network p_default, create container p-db-1
        start container p-web-1  after: create container p-web-1, start container p-db-1
        """);
  }

  @Test
  void completedSuccessfully_waitsForExit() {
    Project p =
        Proj.of("p")
            .service(Svc.of("migrate"))
            .service(Svc.of("web").dependsOn("migrate", "service_completed_successfully"))
            .build();
    assertThat(plan(p, List.of(), opts()))
        .contains(
            "wait completed migrate  after: start container p-migrate-1",
            "start container p-web-1  after: create container p-web-1, wait completed migrate");
  }

  @Test
  void requiredFalse_dependencyGetsAnOptionalWait() {
    Svc web = Svc.of("web").dependsOn("db", "service_healthy", false, false);
    Project p = Proj.of("p").service(Svc.of("db").health("CMD", "true")).service(web).build();
    assertThat(plan(p, List.of(), opts()))
        .contains(
            "wait healthy db (optional)  (optional)  after: start container p-db-1",
            "start container p-web-1  after: create container p-web-1, wait healthy db (optional)");
  }

  @Test
  void externalNetworkOrVolumeMissing_refusedWithComposesMessage_presentOnesUsed() {
    Project p =
        dev.jcompose.scheduler.testing.Yaml.load(
            """
        services: {web: {image: busybox, networks: [shared], volumes: ["data:/data"]}}
        networks: {shared: {external: true, name: corp_net}}
        volumes: {data: {external: true, name: corp_data}}
        """);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Reconciler.plan(
                    new ReconcileInput(
                        p,
                        new ObservedState(List.of(), Set.of(), Set.of("corp_data")),
                        opts(),
                        IMAGES)))
        .isInstanceOf(dev.jcompose.scheduler.api.ComposeException.class)
        .hasMessage("network corp_net declared as external, but could not be found");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Reconciler.plan(
                    new ReconcileInput(
                        p,
                        new ObservedState(List.of(), Set.of("corp_net"), Set.of()),
                        opts(),
                        IMAGES)))
        .hasMessage("external volume \"corp_data\" not found");
    assertThat(
            Reconciler.plan(
                    new ReconcileInput(
                        p,
                        new ObservedState(List.of(), Set.of("corp_net"), Set.of("corp_data")),
                        opts(),
                        IMAGES))
                .toString())
        .doesNotContain("CREATE_NETWORK")
        .doesNotContain("CREATE_VOLUME");
  }

  @Test
  void externalHostNetwork_neverLookedUpNorCreated() {
    Project p =
        dev.jcompose.scheduler.testing.Yaml.load(
            """
        services: {web: {image: busybox, networks: [hostnet]}}
        networks: {hostnet: {external: true, name: host}}
        """);

    assertThat(
            Reconciler.plan(new ReconcileInput(p, ObservedState.empty(), opts(), IMAGES))
                .toString())
        .doesNotContain("NETWORK");
  }
}
