package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceNormalizerTest {

  private static Map<String, Object> web(String body) {
    return service("services:\n  web:\n    image: nginx\n" + body.indent(4), "web");
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void keys_followComposeGoStructOrder() {
    Map<String, Object> s = web("working_dir: /w\nports: ['80']\ncommand: run\nenvironment: [A=1]");
    assertThat(s.keySet())
        .containsExactly(
            "command", "entrypoint", "environment", "image", "networks", "ports", "working_dir");
  }

  @Test
  void command_string_isSplitShellWords_andUnsetIsNull() {
    Map<String, Object> s = web("command: bundle exec \"rails server\"");
    assertThat(s.get("command")).isEqualTo(List.of("bundle", "exec", "rails server"));
    assertThat(s).containsEntry("entrypoint", null);
  }

  @Test
  void dependsOn_list_becomesMapWithStartedAndRequired() {
    Map<String, Object> s = web("depends_on: [db]");
    assertThat(s.get("depends_on"))
        .isEqualTo(Map.of("db", map("condition", "service_started", "required", true)));
  }

  @Test
  void dependsOn_map_keepsConditionAndDefaultsRequired() {
    Map<String, Object> s = web("depends_on:\n  db: {condition: service_healthy, restart: true}");
    assertThat(s.get("depends_on"))
        .isEqualTo(
            Map.of("db", map("condition", "service_healthy", "restart", true, "required", true)));
  }

  @Test
  void links_and_networkModeService_addImplicitDependencies() {
    Map<String, Object> s =
        web("links: ['db:database']\nipc: service:cache\nvolumes_from: [store:ro]");
    @SuppressWarnings("unchecked")
    Map<String, Object> deps = (Map<String, Object>) s.get("depends_on");
    assertThat(deps.keySet()).containsExactly("cache", "db", "store");
    assertThat(deps.get("db"))
        .isEqualTo(map("condition", "service_started", "restart", true, "required", true));
    assertThat(deps.get("store")).isEqualTo(map("condition", "service_started", "required", true));
  }

  @Test
  void environment_bareKey_resolvedFromEnvironmentOrNull() {
    Map<String, Object> s = web("environment: [FOO, MISSING, 'A=x=y']");
    Map<String, Object> expected = new HashMap<>(Map.of("FOO", "from-env", "A", "x=y"));
    expected.put("MISSING", null);
    assertThat(s.get("environment")).isEqualTo(expected);
  }

  @Test
  void environment_numbersAndBools_areStringifiedLikeGo() {
    Map<String, Object> s = web("environment:\n  V: 1.10\n  B: true\n  N: 3\n  E:");
    Map<String, Object> expected = new HashMap<>(Map.of("V", "1.1", "B", "true", "N", "3"));
    expected.put("E", null);
    assertThat(s.get("environment")).isEqualTo(expected);
  }

  @Test
  void envFile_isMergedUnderEnvironment_andNotPrinted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("app.env"), "A=file\nB=file\nC=${FOO}\n");
    String yaml =
        "services:\n  web:\n    image: x\n    env_file: app.env\n    environment: {A: env}\n";
    Map<String, Object> s = Fixtures.loadDir(yaml, dir).services().get("web");
    assertThat(s).doesNotContainKey("env_file");
    assertThat(s.get("environment")).isEqualTo(Map.of("A", "env", "B", "file", "C", "from-env"));
  }

  @Test
  void envFile_missingRequired_fails_optionalIgnored(@TempDir Path dir) {
    String required = "services:\n  web:\n    image: x\n    env_file: nope.env\n";
    assertThatThrownBy(() -> Fixtures.loadDir(required, dir))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("env file " + dir.resolve("nope.env") + " not found");
    String optional =
        "services:\n  web:\n    image: x\n    env_file: [{path: nope.env, required: false}]\n";
    assertThat(Fixtures.loadDir(optional, dir).services().get("web"))
        .doesNotContainKey("environment");
  }

  @Test
  void build_string_becomesContextAndDockerfile() {
    Map<String, Object> s = service("services:\n  app:\n    build: ./app\n", "app");
    assertThat(s.get("build"))
        .isEqualTo(map("context", "/work/proj/app", "dockerfile", "Dockerfile"));
  }

  @Test
  void build_args_bareKeysResolvedOrDropped() {
    Map<String, Object> s =
        service(
            "services:\n  app:\n    build:\n      context: .\n      args: [FOO, NOPE, X=1]\n",
            "app");
    assertThat(s.get("build"))
        .isEqualTo(
            map(
                "context",
                "/work/proj",
                "dockerfile",
                "Dockerfile",
                "args",
                Map.of("FOO", "from-env", "X", "1")));
  }

  @Test
  void volumes_relativeAndHomeBinds_resolved_targetsCleaned() {
    Map<String, Object> s = web("volumes: ['./src:/app/', '~/.aws:/root/.aws:ro', 'data:/d']");
    assertThat(s.get("volumes"))
        .isEqualTo(
            List.of(
                map("type", "bind", "source", "/work/proj/src", "target", "/app", "bind", Map.of()),
                map(
                    "type",
                    "bind",
                    "source",
                    "/home/user/.aws",
                    "target",
                    "/root/.aws",
                    "read_only",
                    true,
                    "bind",
                    Map.of()),
                map("type", "volume", "source", "data", "target", "/d", "volume", Map.of())));
  }

  @Test
  void volumes_longForm_keepsCreateHostPathFalseOnly() {
    Map<String, Object> s =
        web(
            "volumes:\n  - {type: bind, source: ., target: /x, bind: {create_host_path: false}}\n"
                + "  - {type: tmpfs, target: /t, tmpfs: {size: 64m}}");
    assertThat(s.get("volumes"))
        .isEqualTo(
            List.of(
                map(
                    "type",
                    "bind",
                    "source",
                    "/work/proj",
                    "target",
                    "/x",
                    "bind",
                    map("create_host_path", false)),
                map("type", "tmpfs", "target", "/t", "tmpfs", map("size", "67108864"))));
  }

  @Test
  void healthcheck_stringTest_isCmdShell_durationsGoFormatted() {
    Map<String, Object> s =
        web("healthcheck:\n  test: curl -f localhost\n  interval: 90s\n  retries: 3");
    assertThat(s.get("healthcheck"))
        .isEqualTo(
            map(
                "test",
                List.of("CMD-SHELL", "curl -f localhost"),
                "interval",
                "1m30s",
                "retries",
                3L));
  }

  @Test
  void sizes_areStringsOfBytes_cpusFloat() {
    Map<String, Object> s = web("mem_limit: 512m\nshm_size: 1g\ncpus: 0.5");
    assertThat(s)
        .containsEntry("mem_limit", "536870912")
        .containsEntry("shm_size", "1073741824")
        .containsEntry("cpus", 0.5);
  }

  @Test
  void ulimits_singleStaysNumber_pairStaysStruct() {
    Map<String, Object> s = web("ulimits:\n  nofile: {soft: 1024, hard: 2048}\n  nproc: 65535");
    assertThat(s.get("ulimits"))
        .isEqualTo(Map.of("nofile", map("soft", 1024L, "hard", 2048L), "nproc", 65535L));
  }

  @Test
  void extraHosts_listOrMap_becomeSortedHostEqualsIp() {
    assertThat(web("extra_hosts: ['b:10.0.0.1', 'a=[::1]']").get("extra_hosts"))
        .isEqualTo(List.of("a=::1", "b=10.0.0.1"));
    assertThat(web("extra_hosts: {h: [1.1.1.1, 2.2.2.2]}").get("extra_hosts"))
        .isEqualTo(List.of("h=1.1.1.1", "h=2.2.2.2"));
  }

  @Test
  void networks_listBecomesNullMap_absentBecomesDefault() {
    Map<String, Object> m = new HashMap<>();
    m.put("front", null);
    assertThat(web("networks: [front]").get("networks")).isEqualTo(m);
    assertThat(web("").get("networks")).isEqualTo(Collections.nullMap("default"));
    assertThat(web("network_mode: host")).doesNotContainKey("networks");
  }

  @Test
  void labels_list_becomeMap_secretsShort_getTarget() {
    Map<String, Object> s = web("labels: [a=b, c]\nsecrets: [token]\nconfigs: [cfg]");
    assertThat(s.get("labels")).isEqualTo(Map.of("a", "b", "c", ""));
    assertThat(s.get("secrets"))
        .isEqualTo(List.of(map("source", "token", "target", "/run/secrets/token")));
    assertThat(s.get("configs")).isEqualTo(List.of(map("source", "cfg")));
  }

  @Test
  void secretMode_octal_printedAsOctalString() {
    assertThat(web("secrets: [{source: s, mode: 0440}]").get("secrets"))
        .isEqualTo(List.of(map("source", "s", "target", "/run/secrets/s", "mode", "0440")));
  }

  @Test
  void devices_short_andPullPolicyAlias() {
    Map<String, Object> s = web("devices: ['/dev/fuse']\npull_policy: if_not_present");
    assertThat(s.get("devices"))
        .isEqualTo(
            List.of(map("source", "/dev/fuse", "target", "/dev/fuse", "permissions", "rwm")));
    assertThat(s).containsEntry("pull_policy", "missing");
  }

  @Test
  void deploy_alwaysHasResourcesAndPlacement() {
    Map<String, Object> s =
        web("deploy: {replicas: 2, restart_policy: {condition: on-failure, delay: 5s}}");
    assertThat(s.get("deploy"))
        .isEqualTo(
            map(
                "replicas",
                2L,
                "resources",
                Map.of(),
                "restart_policy",
                map("condition", "on-failure", "delay", "5s"),
                "placement",
                Map.of()));
  }

  @Test
  void falseBooleans_andEmptyStrings_areOmitted() {
    Map<String, Object> s = web("privileged: false\ntty: true\ninit: false\nhostname: ''");
    assertThat(s)
        .doesNotContainKey("privileged")
        .doesNotContainKey("hostname")
        .containsEntry("tty", true)
        .containsEntry("init", false);
  }

  @Test
  void unknownAttribute_failsWithFileLineColumnAndPath() {
    assertThatThrownBy(() -> Fixtures.canonical("services:\n  web:\n    image: x\n    imagee: y\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage(
            "compose.yaml:4:5: services.web: additional property \"imagee\" is not allowed");
  }

  @Test
  void invalidPort_failsWithItsPosition() {
    assertThatThrownBy(
            () ->
                Fixtures.canonical(
                    "services:\n  web:\n    image: x\n    ports:\n      - \"80800:80\"\n"))
        .hasMessage("compose.yaml:5:9: services.web.ports[0]: invalid hostPort: 80800");
  }

  @Test
  void invalidDuration_andSize_fail() {
    assertThatThrownBy(
            () ->
                Fixtures.canonical("services:\n  web:\n    image: x\n    stop_grace_period: 10\n"))
        .hasMessageContaining(
            "services.web.stop_grace_period: time: missing unit in duration \"10\"");
    assertThatThrownBy(
            () -> Fixtures.canonical("services:\n  web:\n    image: x\n    mem_limit: lots\n"))
        .hasMessageContaining("services.web.mem_limit: invalid size: 'lots'");
  }

  @Test
  void wrongType_failsWithPath() {
    assertThatThrownBy(() -> Fixtures.canonical("services:\n  web:\n    image: [a]\n"))
        .hasMessage("compose.yaml:3:12: services.web.image: must be a string");
    assertThatThrownBy(
            () -> Fixtures.canonical("services:\n  web:\n    image: x\n    privileged: maybe\n"))
        .hasMessage("compose.yaml:4:17: services.web.privileged: must be a boolean");
  }

  @Test
  void labelFile_mergedUnderLabels(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("l.env"), "team=core\nowner=ops\n");
    String yaml =
        "services:\n  web:\n    image: x\n    label_file: l.env\n    labels: {owner: dev}\n";
    Map<String, Object> s = Fixtures.loadDir(yaml, dir).services().get("web");
    assertThat(s).doesNotContainKey("label_file");
    assertThat(s.get("labels")).isEqualTo(Map.of("team", "core", "owner", "dev"));
  }

  private static final class Collections {
    static Map<String, Object> nullMap(String... keys) {
      Map<String, Object> m = new HashMap<>();
      Arrays.stream(keys).forEach(k -> m.put(k, null));
      return m;
    }
  }
}
