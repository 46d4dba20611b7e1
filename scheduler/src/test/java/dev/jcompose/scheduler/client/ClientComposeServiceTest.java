package dev.jcompose.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.LocalVerbs;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.StoreVerbs;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Verbs that only look do not start an engine when there is nothing for it to report. */
class ClientComposeServiceTest {
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger asked = new AtomicInteger();

  private ClientComposeService client(boolean engineRuns, List<ProjectSummary> projects) {
    EngineVerbs engine =
        proxy(
            EngineVerbs.class,
            (name, args) -> {
              asked.incrementAndGet();
              return List.of();
            });
    LocalVerbs local = proxy(LocalVerbs.class, (name, args) -> projects);
    StoreVerbs stores = proxy(StoreVerbs.class, (name, args) -> null);
    return new ClientComposeService(
        () -> {
          started.incrementAndGet();
          return engine;
        },
        () -> engineRuns,
        local,
        stores,
        CallSettings.DEFAULT);
  }

  @Test
  void ps_noEngineAndNoContainersOfTheProject_answersEmpty_withoutStartingOne() {
    ClientComposeService c =
        client(false, List.of(new ProjectSummary("other", "running(1)", List.of())));
    assertThat(c.ps("demo", new PsOptions(List.of(), true, List.of()))).isEmpty();
    assertThat(started).hasValue(0);
  }

  @Test
  void ps_containersButNoEngine_startsTheEngine_whichReportsThem() {
    ClientComposeService c =
        client(false, List.of(new ProjectSummary("demo", "exited(1)", List.of())));
    c.ps("demo", new PsOptions(List.of(), true, List.of()));
    assertThat(started).hasValue(1);
    assertThat(asked).hasValue(1);
  }

  @Test
  void ps_engineRunning_asksIt() {
    ClientComposeService c = client(true, List.of());
    c.ps("demo", new PsOptions(List.of(), true, List.of()));
    assertThat(asked).hasValue(1);
  }

  interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, m, args) ->
                m.isDefault() && m.getName().equals("with")
                    ? self
                    : m.getReturnType() == List.class ? answer.answer(m.getName(), args) : null));
  }
}
