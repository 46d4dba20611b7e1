package dev.jcompose.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.Project;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.LocalVerbs;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.StoreVerbs;
import dev.jcompose.scheduler.api.VolumeSummary;
import dev.jcompose.scheduler.testing.Yaml;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Verbs about a project's containers start no engine when none runs and the host holds nothing of
 * the project; they answer as the engine does for an empty project. With containers (or, for {@code
 * down}, networks, volumes with -v, images with --rmi) or a running engine, the engine acts.
 */
class ClientComposeServiceTest {
  private static final Consumer<dev.jcompose.scheduler.api.Event> NO_PROGRESS = e -> {};
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger asked = new AtomicInteger();
  private final List<ProjectSummary> projects = new ArrayList<>();
  private final List<NetworkInfo> networks = new ArrayList<>();
  private boolean networkStateUnreadable;
  private final List<VolumeSummary> volumes = new ArrayList<>();
  private boolean engineRuns;

  private ClientComposeService client() {
    EngineVerbs engine =
        proxy(
            EngineVerbs.class,
            name -> {
              asked.incrementAndGet();
              return List.of();
            });
    LocalVerbs local =
        proxy(LocalVerbs.class, name -> name.equals("projects") ? projects : volumes);
    StoreVerbs stores = proxy(StoreVerbs.class, name -> null);
    return new ClientComposeService(
        () -> {
          started.incrementAndGet();
          return engine;
        },
        () -> engineRuns,
        () -> {
          if (networkStateUnreadable) {
            throw new NetworkException(NetworkException.Kind.INTERNAL, "cannot read network state");
          }
          return networks;
        },
        local,
        stores,
        CallSettings.DEFAULT);
  }

  /** Every verb about the project's containers, with no service named. */
  private static void everyVerb(ClientComposeService c) {
    c.ps("demo", new PsOptions(List.of(), true, List.of()));
    c.stop("demo", List.of(), null, NO_PROGRESS);
    c.start("demo", StartOptions.of(List.of()), NO_PROGRESS);
    c.restart("demo", List.of(), 1, NO_PROGRESS);
    c.kill("demo", new KillOptions(List.of(), "SIGKILL", false, List.of()), NO_PROGRESS);
    c.pause("demo", List.of(), NO_PROGRESS);
    c.unpause("demo", List.of(), NO_PROGRESS);
    c.remove("demo", new RemoveOptions(List.of(), true, true), NO_PROGRESS);
    c.down("demo", null, new DownOptions(true, true, 1, null), NO_PROGRESS);
  }

  @Test
  void everyVerb_noEngineAndNothingOfTheProject_answersWithoutStartingOne() {
    projects.add(new ProjectSummary("other", "running(1)", List.of()));
    networks.add(network("other_default", "other"));
    ClientComposeService c = client();
    assertThat(c.ps("demo", new PsOptions(List.of(), true, List.of()))).isEmpty();
    everyVerb(c);
    assertThat(started).hasValue(0);
  }

  @Test
  void namedServices_failAsTheEngineDoes_withoutStartingOne() {
    ClientComposeService c = client();
    assertThatThrownBy(
            () ->
                c.kill(
                    "demo",
                    new KillOptions(List.of("web", "db"), null, false, List.of()),
                    NO_PROGRESS))
        .isInstanceOf(ComposeException.class)
        .hasMessage("no container found for service web, db");
    assertThatThrownBy(() -> c.pause("demo", List.of("web"), NO_PROGRESS))
        .hasMessage("no container found for service web");
    assertThatThrownBy(() -> c.unpause("demo", List.of("web"), NO_PROGRESS))
        .hasMessage("no container found for service web");
    assertThatThrownBy(() -> c.start("demo", StartOptions.of(List.of("web")), NO_PROGRESS))
        .hasMessage("service \"web\" has no container to start");
    // restart starts the services sorted, as the engine's dependants closure hands them on
    assertThatThrownBy(() -> c.restart("demo", List.of("web", "db"), null, NO_PROGRESS))
        .hasMessage("service \"db\" has no container to start");
    assertThatThrownBy(
            () ->
                c.kill(
                    "demo", new KillOptions(List.of(), "SIGBOGUS", false, List.of()), NO_PROGRESS))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.INVALID));
    c.stop("demo", List.of("web"), null, NO_PROGRESS);
    assertThat(started).hasValue(0);
  }

  @Test
  void everyVerb_containersButNoEngine_startsTheEngine_whichActsOnThem() {
    projects.add(new ProjectSummary("demo", "exited(1)", List.of()));
    everyVerb(client());
    assertThat(started).hasValue(1);
    assertThat(asked).hasValue(9);
  }

  @Test
  void everyVerb_engineRunning_asksIt() {
    engineRuns = true;
    everyVerb(client());
    assertThat(asked).hasValue(9);
  }

  @Test
  void down_withoutContainers_stillStartsTheEngine_forANetworkOfTheProject() {
    networks.add(network("demo_default", "demo"));
    client().down("demo", null, DownOptions.defaults(), NO_PROGRESS);
    assertThat(asked).hasValue(1);
  }

  @Test
  void down_withoutContainers_stillStartsTheEngine_forANetworkTheFileNames() {
    networks.add(network("shared-net", "another"));
    Project p =
        Yaml.load(
            """
            name: demo
            services:
              web: {image: busybox}
            networks:
              default: {name: shared-net}
            """);
    client().down("demo", p, DownOptions.defaults(), NO_PROGRESS);
    assertThat(asked).hasValue(1);
  }

  @Test
  void down_withoutContainers_startsTheEngine_forVolumesWithV_andForRmi() {
    volumes.add(new VolumeSummary("demo_data", "local", "/x", Map.of()));
    ClientComposeService c = client();
    c.down("demo", null, DownOptions.defaults(), NO_PROGRESS);
    assertThat(started).hasValue(0); // the volume stays without -v: nothing to do
    c.down("demo", null, new DownOptions(true, false, null, null), NO_PROGRESS);
    assertThat(asked).hasValue(1);
    volumes.clear();
    ClientComposeService rmi = client();
    rmi.down("demo", null, new DownOptions(false, false, null, "local"), NO_PROGRESS);
    assertThat(asked).hasValue(2); // --rmi reports on every image, even a missing one
  }

  @Test
  void down_withoutContainers_networkStateUnreadable_leavesItToTheEngine() {
    networkStateUnreadable = true;
    client().down("demo", null, DownOptions.defaults(), NO_PROGRESS);
    assertThat(asked).hasValue(1);
  }

  private static NetworkInfo network(String name, String project) {
    return new NetworkInfo(
        name,
        "bridge",
        "br-x",
        "10.0.0.0/24",
        "10.0.0.1",
        null,
        null,
        false,
        Map.of("com.docker.compose.project", project));
  }

  interface Answer {
    Object answer(String method);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, m, args) -> {
              if (m.isDefault() && m.getName().equals("with")) {
                return self;
              }
              Object a = answer.answer(m.getName());
              return m.getReturnType() == List.class ? a : null;
            }));
  }
}
