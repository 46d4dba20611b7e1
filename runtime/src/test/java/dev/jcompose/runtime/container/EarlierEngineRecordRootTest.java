package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import dev.jcompose.runtime.sys.NativeOps;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Containers an earlier engine created, seen by this one: their state.json has the init's start as
 * epoch millis and no cgroup, and their groups are where that engine put them. They must still be
 * recognised as running, inspected, stopped and removed without a group left (the fixture's leak
 * check runs after each test and looks for any {@code jcompose/sh-*} group).
 */
@Tag("root")
class EarlierEngineRecordRootTest extends RuntimeFixture {

  @Test
  void beforeTheInstanceSuffix_groupJcomposeSlashId_isStoppedAndRemoved() throws Exception {
    String id = "sh-older";
    // an engine before the instance suffix: its groups were jcompose/<id>
    var earlier = new LinuxContainerRuntime(paths, withoutInstance(cgroups));
    earlier.create(spec("older", "sleep", "600"));
    earlier.start(id);
    int monitor = MonitorExits.parentOf(earlier.state(id).orElseThrow().pid());
    List<Path> groups = parents(cgroups.procsFiles(id));
    assertThat(groups).isNotEmpty().allMatch(Files::exists);
    writeAsEarlierEngines(id);

    assertRunningAndReachable(id);
    runtime.stop(id, 15, Duration.ofMillis(300)); // sleep as pid 1 ignores SIGTERM
    runtime.delete(id);
    // the earlier engine's monitor is this JVM's orphan here (a subreaper): reap it
    NativeOps.real().awaitExitAndReap(monitor, Duration.ofSeconds(10));

    assertThat(groups).noneMatch(Files::exists);
  }

  @Test
  void withTheInstanceSuffix_butNoRecordedGroup_isStoppedAndRemoved() throws Exception {
    String id = "sh-suffixed";
    runtime.create(spec("suffixed", "sleep", "600"));
    runtime.start(id);
    List<Path> groups = parents(cgroups.forInstance(paths.dataRoot()).procsFiles(id));
    writeAsEarlierEngines(id);

    assertRunningAndReachable(id);
    runtime.stop(id, 15, Duration.ofMillis(300)); // sleep as pid 1 ignores SIGTERM
    runtime.delete(id);

    assertThat(groups).noneMatch(Files::exists);
  }

  private void assertRunningAndReachable(String id) {
    assertThat(runtime.state(id).orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(runtime.processes(id)).isNotEmpty(); // top reads the group's pids
    runtime.pause(id);
    assertThat(runtime.state(id).orElseThrow().paused()).isTrue();
    runtime.unpause(id);
  }

  private static List<Path> parents(List<Path> procsFiles) {
    return procsFiles.stream().map(Path::getParent).distinct().toList();
  }

  /** The driver as engines before the instance suffix had it: groups named jcompose/<id>. */
  private static CgroupDriver withoutInstance(CgroupDriver driver) {
    return (CgroupDriver)
        Proxy.newProxyInstance(
            CgroupDriver.class.getClassLoader(),
            new Class<?>[] {CgroupDriver.class},
            (proxy, method, args) -> {
              if (method.getName().equals("forInstance")) {
                return proxy;
              }
              try {
                return method.invoke(driver, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** state.json as engines before start ticks and the recorded group wrote it. */
  private void writeAsEarlierEngines(String id) throws Exception {
    Path state = ContainerDirs.of(paths, id).state();
    ContainerRecord rec = new RecordStore().read(state).orElseThrow();
    ProcTable proc = ProcTable.host();
    long millis = proc.startMillis(rec.pid(), proc.bootTime());
    String json =
        Files.readString(state)
            .replaceFirst("\"pidStartTicks\"\\s*:\\s*\\d+\\s*,", "")
            .replaceFirst(",\\s*\"cgroup\"\\s*:\\s*\"[^\"]*\"", "")
            .replaceFirst("\"pidStartMillis\"\\s*:\\s*\\d+", "\"pidStartMillis\":" + millis);
    assertThat(json).doesNotContain("pidStartTicks", "\"cgroup\"");
    Files.writeString(state, json);
    ContainerRecord old = new RecordStore().read(state).orElseThrow();
    assertThat(old.cgroup()).isNull();
    assertThat(old.pidStartMillis()).isEqualTo(millis);
  }
}
