package dev.jcompose.scheduler.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.api.BuildConfig;
import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.DevelopConfig.Action;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchRulesTest {
  @TempDir Path dir;

  private Project project() throws IOException {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve(".dockerignore"), "lib/*.log\n");
    DevelopConfig dev =
        new DevelopConfig(
            List.of(
                new DevelopConfig.WatchRule(
                    app.resolve("src").toString(),
                    Action.SYNC,
                    "/srv/src",
                    List.of("node_modules/", "*.tmp.js"),
                    true,
                    null),
                new DevelopConfig.WatchRule(
                    app.resolve("conf").toString(),
                    Action.SYNC_RESTART,
                    "/etc/app/",
                    List.of(),
                    false,
                    null),
                new DevelopConfig.WatchRule(
                    app.resolve("hooks").toString(),
                    Action.SYNC_EXEC,
                    "/hooks",
                    List.of(),
                    false,
                    new DevelopConfig.ExecHook(
                        List.of("kill", "-HUP", "1"), null, null, Map.of(), false)),
                new DevelopConfig.WatchRule(
                    app.resolve("requirements.txt").toString(),
                    Action.REBUILD,
                    null,
                    List.of(),
                    false,
                    null),
                new DevelopConfig.WatchRule(
                    app.resolve("lib").toString(), Action.REBUILD, null, List.of(), false, null)));
    Service web = Service.builder("web").build(BuildConfig.of(app.toString())).develop(dev).build();
    Service db = Service.builder("db").image("postgres").build();
    return new Project(
        "p", dir, List.of(), Map.of("web", web, "db", db), Map.of(), Map.of(), Map.of(), Map.of());
  }

  private FileChange changed(String rel) {
    return new FileChange(dir.resolve(rel), false);
  }

  private FileChange deleted(String rel) {
    return new FileChange(dir.resolve(rel), true);
  }

  @Test
  void actions_firstMatchingRuleWins_andTargetsFollowTheRelativePath() throws IOException {
    WatchRules rules = WatchRules.of(project(), List.of());
    assertThat(
            rules
                .actions(
                    List.of(
                        changed("app/src/a/b.js"),
                        deleted("app/src/old.js"),
                        changed("app/src/node_modules/x/y.js"),
                        changed("app/src/c.tmp.js"),
                        changed("app/src/.git/HEAD"),
                        changed("app/src/.b.js.swp")))
                .toString())
        .isEqualTo("[web: copy /srv/src/a/b.js remove /srv/src/old.js]");
    assertThat(rules.actions(List.of(changed("app/conf/app.ini"))).toString())
        .isEqualTo("[web: copy /etc/app/app.ini restart]");
    assertThat(rules.actions(List.of(changed("app/hooks/h.sh"))).toString())
        .isEqualTo("[web: copy /hooks/h.sh exec [kill, -HUP, 1]]");
  }

  @Test
  void actions_rebuildReplacesSyncs_butNotForFilesTheContextIgnores() throws IOException {
    WatchRules rules = WatchRules.of(project(), List.of());
    assertThat(
            rules
                .actions(List.of(changed("app/src/a.js"), changed("app/requirements.txt")))
                .toString())
        .isEqualTo("[web: rebuild (2 changes)]");
    assertThat(rules.actions(List.of(changed("app/lib/debug.log")))).isEmpty();
    assertThat(rules.actions(List.of(changed("app/lib/util.py"))).toString())
        .isEqualTo("[web: rebuild (1 changes)]");
    assertThat(rules.actions(List.of(changed("elsewhere.txt")))).isEmpty();
  }

  @Test
  void relativePaths_areRelativeToTheProjectDirectory() {
    // as a compose file writes them (path: ./src), whatever directory the CLI runs in
    DevelopConfig dev =
        new DevelopConfig(
            List.of(
                new DevelopConfig.WatchRule(
                    "./app/src", Action.SYNC, "/srv/src", List.of(), false, null)));
    Service web = Service.builder("web").image("web").develop(dev).build();
    Project p =
        new Project(
            "p", dir, List.of(), Map.of("web", web), Map.of(), Map.of(), Map.of(), Map.of());
    WatchRules rules = WatchRules.of(p, List.of());
    assertThat(rules.paths()).containsExactly(dir.resolve("app/src"));
    assertThat(rules.actions(List.of(changed("app/src/page.txt"))).toString())
        .isEqualTo("[web: copy /srv/src/page.txt]");
  }

  @Test
  void of_onlyServicesWithRules() throws IOException {
    assertThat(WatchRules.of(project(), List.of()).services()).containsExactly("web");
    assertThat(WatchRules.of(project(), List.of("db")).isEmpty()).isTrue();
  }

  @Test
  void fileWatcher_batchesWhatChangedAfterAQuietPeriod() throws Exception {
    Path root = Files.createDirectories(dir.resolve("w"));
    List<List<FileChange>> batches = new CopyOnWriteArrayList<>();
    try (FileWatcher w = new FileWatcher(List.of(root), Duration.ofMillis(150), batches::add)) {
      w.start();
      Files.writeString(root.resolve("a.txt"), "1");
      Files.createDirectories(root.resolve("sub/deeper"));
      Files.writeString(root.resolve("sub/deeper/b.txt"), "2");
      Files.writeString(root.resolve("a.txt"), "3");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  !batches.isEmpty()
                      && batches.stream()
                          .flatMap(List::stream)
                          .anyMatch(c -> c.path().endsWith("b.txt")));
      Files.delete(root.resolve("a.txt"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> batches.stream().flatMap(List::stream).anyMatch(FileChange::deleted));
    }
    List<String> all = new ArrayList<>();
    batches.forEach(
        b -> b.forEach(c -> all.add(dir.relativize(c.path()) + (c.deleted() ? " deleted" : ""))));
    assertThat(all).contains("w/a.txt", "w/sub/deeper/b.txt", "w/a.txt deleted");
  }
}
