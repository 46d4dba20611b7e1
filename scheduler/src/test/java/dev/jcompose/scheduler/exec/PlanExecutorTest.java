package dev.jcompose.scheduler.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import dev.jcompose.scheduler.plan.Op;
import dev.jcompose.scheduler.plan.Plan;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void close() {
    pool.shutdownNow();
  }

  private static Op op(String id, String... deps) {
    return new Op(id, Op.Kind.START_CONTAINER, id, "s", "", List.of(deps));
  }

  @Test
  void dependenciesRunFirst() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Plan plan = new Plan(List.of(op("a"), op("b", "a"), op("c", "b")), List.of());
    new PlanExecutor(pool, 4)
        .execute(
            plan,
            o -> {
              order.add(o.id());
              return CompletableFuture.completedFuture(null);
            });
    assertThat(order).containsExactly("a", "b", "c");
  }

  @Test
  void independentBranches_runInParallel() {
    CountDownLatch both = new CountDownLatch(2);
    Plan plan = new Plan(List.of(op("x"), op("y")), List.of());
    Map<String, Throwable> out =
        new PlanExecutor(pool, 2)
            .execute(
                plan,
                o -> {
                  both.countDown();
                  // Each branch waits for the other: this only finishes if they run at the same
                  // time.
                  if (!both.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not parallel");
                  }
                  return CompletableFuture.completedFuture(null);
                });
    assertThat(out.values()).containsOnlyNulls();
  }

  @Test
  void parallelism_isBounded() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ops.add(op("o" + i));
    }
    new PlanExecutor(pool, 3)
        .execute(
            new Plan(ops, List.of()),
            o -> {
              max.accumulateAndGet(running.incrementAndGet(), Math::max);
              Thread.sleep(20);
              running.decrementAndGet();
              return CompletableFuture.completedFuture(null);
            });
    assertThat(max.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void failure_failsDependantsNamingIt_independentOpsStillRun() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Plan plan =
        new Plan(List.of(op("db"), op("web", "db"), op("proxy", "web"), op("other")), List.of());
    Map<String, Throwable> out = runFailing(plan, 2, "db", "boom", ran);
    assertThat(ran).containsExactlyInAnyOrder("db", "other");
    assertThat(out.get("db")).hasMessage("boom");
    assertThat(out.get("web")).hasMessage("dependency db failed: boom");
    assertThat(out.get("proxy")).hasMessage("dependency db failed: boom");
    assertThat(out.get("other")).isNull();
  }

  @Test
  void asyncWait_doesNotHoldAPermit() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    Plan plan = new Plan(List.of(op("wait"), op("a"), op("b", "wait")), List.of());
    Map<String, Throwable> out =
        new PlanExecutor(pool, 1)
            .execute(
                plan,
                o -> {
                  if (o.id().equals("wait")) {
                    return gate;
                  }
                  if (o.id().equals("a")) {
                    gate.complete(null);
                  }
                  return CompletableFuture.completedFuture(null);
                });
    assertThat(out.values()).containsOnlyNulls();
  }

  @Test
  void optionalOpFailure_isAWarning_dependantsStillRun() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Op wait = new Op("wait", Op.Kind.WAIT_HEALTHY, "db", "db", Op.OPTIONAL, List.of("db"));
    Plan plan = new Plan(List.of(op("db"), wait, op("web", "wait")), List.of());
    Map<String, Throwable> out = runFailing(plan, 2, "db", "db broke", ran);
    assertThat(ran).containsExactlyInAnyOrder("db", "web");
    assertThat(out.get("wait"))
        .isInstanceOf(OptionalFailure.class)
        .hasMessage("dependency db failed: db broke");
    assertThat(out.get("web")).isNull();
  }

  @Test
  void teardownEvenIfFailed_runsAfterItsFailedDependency_whoseFailureStillCounts() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Op remove =
        new Op("rm", Op.Kind.REMOVE_CONTAINER, "c", "s", Op.EVEN_IF_FAILED, List.of("stop"));
    Plan plan = new Plan(List.of(op("stop"), remove, op("net", "rm")), List.of());
    Map<String, Throwable> out = runFailing(plan, 2, "stop", "stop broke", ran);
    assertThat(ran).containsExactly("stop", "rm", "net");
    assertThat(out.get("stop")).hasMessage("stop broke");
    assertThat(out.get("rm")).isNull();
    assertThat(out.get("net")).isNull();
  }

  /**
   * The CI flake of e9206d5: down's stop of verbs-checked-1 failed, its removal was skipped as a
   * dependant, and the container's netns, cgroups and veth and then its network were left behind.
   */
  @Test
  void downPlan_aFailedStop_stillRemovesTheContainerThenItsNetwork() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Plan plan =
        LifecyclePlanner.down(
            List.of(
                new ObservedContainer(
                    "p-checked-1",
                    Status.RUNNING,
                    Map.of(Labels.PROJECT, "p", Labels.SERVICE, "checked", Labels.NUMBER, "1"))),
            List.of("p_default"),
            List.of(),
            true);
    Map<String, Throwable> out =
        new PlanExecutor(pool, 2)
            .execute(
                plan,
                o -> {
                  ran.add(o.id());
                  if (o.kind() == Op.Kind.STOP_CONTAINER) {
                    throw new IllegalStateException("container p-checked-1 did not exit");
                  }
                  return CompletableFuture.completedFuture(null);
                });
    assertThat(ran)
        .containsExactly(
            "stop container p-checked-1",
            "remove container p-checked-1",
            "remove network p_default");
    assertThat(out.get("stop container p-checked-1")).hasMessageContaining("did not exit");
    assertThat(out.get("remove container p-checked-1")).isNull();
    assertThat(out.get("remove network p_default")).isNull();
  }

  /**
   * Runs {@code plan} with {@code permits} at once, recording each op's id in {@code ran}; the op
   * {@code failing} throws {@code message}, every other op succeeds at once.
   */
  private Map<String, Throwable> runFailing(
      Plan plan, int permits, String failing, String message, List<String> ran) {
    return new PlanExecutor(pool, permits)
        .execute(
            plan,
            o -> {
              ran.add(o.id());
              if (o.id().equals(failing)) {
                throw new IllegalStateException(message);
              }
              return CompletableFuture.completedFuture(null);
            });
  }
}
