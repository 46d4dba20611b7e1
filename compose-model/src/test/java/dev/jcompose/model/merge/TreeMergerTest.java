package dev.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeMergerTest {

  private static MapNode doc(String yaml) {
    return YamlReader.read(yaml, "f.yaml").get(0);
  }

  /** Merges the documents in order, starting from nothing, and returns services.web. */
  private static MapNode web(String... yamls) {
    MapNode acc = MapNode.empty(dev.jcompose.model.tree.Mark.UNKNOWN);
    for (String y : yamls) {
      acc = TreeMerger.mergeDocuments(acc, doc(y));
    }
    return (MapNode) ((MapNode) acc.get("services")).get("web");
  }

  private static List<Object> values(Node list) {
    List<Object> out = new ArrayList<>();
    ((ListNode) list).items().forEach(n -> out.add(((ScalarNode) n).value()));
    return out;
  }

  private static Object scalar(Node n) {
    return ((ScalarNode) n).value();
  }

  @Test
  void merge_scalars_laterWins() {
    assertThat(
            scalar(
                web("services: {web: {image: a:1}}", "services: {web: {image: a:2}}").get("image")))
        .isEqualTo("a:2");
  }

  @Test
  void merge_portsInTwoFiles_keepsBoth() {
    MapNode web =
        web("services: {web: {ports: ['8080:80']}}", "services: {web: {ports: ['8081:80']}}");
    assertThat(values(web.get("ports"))).containsExactly("8080:80", "8081:80");
  }

  @Test
  void merge_samePortTwice_keptOnce() {
    MapNode web =
        web("services: {web: {ports: ['8080:80']}}", "services: {web: {ports: ['8080:80']}}");
    assertThat(values(web.get("ports"))).containsExactly("8080:80");
  }

  @Test
  void merge_volumesSameTarget_overrideReplacesInPlace() {
    MapNode web =
        web(
            "services: {web: {volumes: ['data:/var/lib', '/tmp/x:/x']}}",
            "services: {web: {volumes: ['./dev:/var/lib']}}");
    assertThat(values(web.get("volumes"))).containsExactly("./dev:/var/lib", "/tmp/x:/x");
  }

  @Test
  void merge_volumesLongAndShortSameTarget_deduplicated() {
    MapNode web =
        web(
            "services: {web: {volumes: ['data:/d']}}",
            "services: {web: {volumes: [{type: bind, source: ./s, target: /d}]}}");
    assertThat(((ListNode) web.get("volumes")).items())
        .hasSize(1)
        .first()
        .isInstanceOf(MapNode.class);
  }

  @Test
  void merge_environmentListAndMap_becomeSortedKeyValueList() {
    MapNode web =
        web(
            "services: {web: {environment: [A=1, B=2]}}",
            "services: {web: {environment: {B: 3, C: 4}}}");
    assertThat(values(web.get("environment"))).containsExactly("A=1", "B=3", "C=4");
  }

  @Test
  void merge_labelsMapNullValue_keyOnly() {
    MapNode web = web("services: {web: {labels: {a: x}}}", "services: {web: {labels: {b: null}}}");
    assertThat(values(web.get("labels"))).containsExactly("a=x", "b");
  }

  @Test
  void merge_commandAndEntrypoint_replaced() {
    MapNode web =
        web(
            "services: {web: {command: [serve], entrypoint: [a, b]}}",
            "services: {web: {command: [serve, --debug], entrypoint: [c]}}");
    assertThat(values(web.get("command"))).containsExactly("serve", "--debug");
    assertThat(values(web.get("entrypoint"))).containsExactly("c");
  }

  @Test
  void merge_healthcheckTest_replacedOtherKeysMerged() {
    MapNode web =
        web(
            "services: {web: {healthcheck: {test: [CMD, a], interval: 5s}}}",
            "services: {web: {healthcheck: {test: [CMD, b]}}}");
    MapNode hc = (MapNode) web.get("healthcheck");
    assertThat(values(hc.get("test"))).containsExactly("CMD", "b");
    assertThat(scalar(hc.get("interval"))).isEqualTo("5s");
  }

  @Test
  void merge_dependsOnListThenMap_mergedAsMapping() {
    MapNode web =
        web(
            "services: {web: {depends_on: [db, cache]}}",
            "services: {web: {depends_on: {db: {condition: service_healthy}}}}");
    MapNode deps = (MapNode) web.get("depends_on");
    assertThat(deps.entries()).containsOnlyKeys("db", "cache");
    MapNode db = (MapNode) deps.get("db");
    assertThat(scalar(db.get("condition"))).isEqualTo("service_healthy");
    assertThat(scalar(db.get("required"))).isEqualTo(true);
  }

  @Test
  void merge_networksListAndMap_merged() {
    MapNode web =
        web(
            "services: {web: {networks: [front]}}",
            "services: {web: {networks: {back: {aliases: [x]}}}}");
    assertThat(((MapNode) web.get("networks")).entries()).containsOnlyKeys("front", "back");
  }

  @Test
  void merge_buildStringThenMap_contextKept() {
    MapNode web = web("services: {web: {build: ./app}}", "services: {web: {build: {target: dev}}}");
    MapNode build = (MapNode) web.get("build");
    assertThat(scalar(build.get("context"))).isEqualTo("./app");
    assertThat(scalar(build.get("target"))).isEqualTo("dev");
  }

  @Test
  void merge_loggingSameDriver_optionsMerged() {
    MapNode web =
        web(
            "services: {web: {logging: {driver: json-file, options: {max-size: 1m}}}}",
            "services: {web: {logging: {driver: json-file, options: {max-file: '3'}}}}");
    assertThat(((MapNode) ((MapNode) web.get("logging")).get("options")).entries())
        .containsOnlyKeys("max-size", "max-file");
  }

  @Test
  void merge_loggingDriverChange_dropsOldOptions() {
    MapNode web =
        web(
            "services: {web: {logging: {driver: json-file, options: {max-size: 1m}}}}",
            "services: {web: {logging: {driver: syslog, options: {tag: x}}}}");
    assertThat(((MapNode) ((MapNode) web.get("logging")).get("options")).entries())
        .containsOnlyKeys("tag");
  }

  @Test
  void merge_extraHosts_unionWithoutDuplicates() {
    MapNode web =
        web(
            "services: {web: {extra_hosts: ['a=1.1.1.1']}}",
            "services: {web: {extra_hosts: ['a=1.1.1.1', 'b=2.2.2.2']}}");
    assertThat(values(web.get("extra_hosts"))).containsExactly("a=1.1.1.1", "b=2.2.2.2");
  }

  @Test
  void merge_capAdd_appendedUnique() {
    MapNode web =
        web(
            "services: {web: {cap_add: [NET_ADMIN]}}",
            "services: {web: {cap_add: [NET_ADMIN, SYS_TIME]}}");
    assertThat(values(web.get("cap_add"))).containsExactly("NET_ADMIN", "SYS_TIME");
  }

  @Test
  void merge_secretsByTarget() {
    MapNode web =
        web(
            "services: {web: {secrets: [a]}}",
            "services: {web: {secrets: [{source: b, target: /run/secrets/a}]}}");
    assertThat(((ListNode) web.get("secrets")).items())
        .hasSize(1)
        .first()
        .isInstanceOf(MapNode.class);
  }

  @Test
  void merge_ulimitOverride_replaces() {
    MapNode web =
        web(
            "services: {web: {ulimits: {nofile: {soft: 1, hard: 2}}}}",
            "services: {web: {ulimits: {nofile: {soft: 3}}}}");
    assertThat(((MapNode) ((MapNode) web.get("ulimits")).get("nofile")).entries())
        .containsOnlyKeys("soft");
  }

  @Test
  void merge_resetTag_removesInheritedValue() {
    MapNode web =
        web(
            "services: {web: {image: a, ports: ['80:80']}}",
            "services:\n  web:\n    ports: !reset []\n");
    assertThat(web.entries()).containsOnlyKeys("image");
  }

  @Test
  void merge_resetTag_onMapKey_removesOnlyThatKey() {
    MapNode web =
        web(
            "services: {web: {environment: {FOO: 1, BAR: 2}}}",
            "services:\n  web:\n    environment:\n      FOO: !reset null\n");
    assertThat(values(web.get("environment"))).containsExactly("BAR=2");
  }

  @Test
  void merge_overrideTag_replacesInsteadOfMerging() {
    MapNode web =
        web(
            "services: {web: {volumes: ['a:/a', 'b:/b']}}",
            "services:\n  web:\n    volumes: !override\n      - ./src:/app\n");
    assertThat(values(web.get("volumes"))).containsExactly("./src:/app");
  }

  @Test
  void merge_directivesInFirstFile_areConsumed() {
    MapNode web = web("services:\n  web:\n    image: !override x\n    ports: !reset []\n");
    assertThat(web.entries()).containsOnlyKeys("image");
    assertThat(web.get("image").directive()).isEqualTo(Node.Directive.NONE);
  }

  @Test
  void merge_ipamConfigBySubnet() {
    MapNode acc =
        TreeMerger.mergeDocuments(
            doc("networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}]}}}"),
            doc(
                "networks: {n: {ipam: {config: [{subnet: 10.0.0.0/24, ip_range: 10.0.0.0/25}, {subnet: 10.1.0.0/24}]}}}"));
    ListNode config =
        (ListNode)
            ((MapNode) ((MapNode) ((MapNode) acc.get("networks")).get("n")).get("ipam"))
                .get("config");
    assertThat(config.items()).hasSize(2);
    assertThat(((MapNode) config.items().get(0)).entries())
        .containsOnlyKeys("subnet", "gateway", "ip_range");
  }

  @Test
  void merge_inputsNotModified() {
    MapNode base = doc("services: {web: {ports: ['1:1']}}");
    TreeMerger.mergeDocuments(base, doc("services: {web: {ports: ['2:2']}}"));
    MapNode web = (MapNode) ((MapNode) base.get("services")).get("web");
    assertThat(values(web.get("ports"))).containsExactly("1:1");
  }

  @Test
  void extendService_localOverBase() {
    MapNode merged =
        TreeMerger.extendService(
            doc("image: busybox\nenvironment: {TZ: utc, PORT: 80}\n"),
            doc("environment: {PORT: 8080}\n"));
    assertThat(scalar(merged.get("image"))).isEqualTo("busybox");
    assertThat(values(merged.get("environment"))).containsExactly("PORT=8080", "TZ=utc");
  }

  @Test
  void merge_emptyOverrideValue_keepsBase() {
    assertThat(
            scalar(
                web("services: {web: {image: a}}", "services:\n  web:\n    image:\n").get("image")))
        .isEqualTo("a");
  }
}
