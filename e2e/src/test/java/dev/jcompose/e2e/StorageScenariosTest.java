package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.HostChecks;
import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seeds' image and storage commands (fixture {@code storage}): image ls/tag/inspect/save/
 * load/rm/prune with tarballs skopeo reads and writes, volume create/inspect/prune, network
 * ls/inspect, system df/prune. Steps in order on one stack.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void up() {
    jc = Jcompose.fixture("storage");
    jc.run(180, "up", "-d").assertOk();
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  @Order(1)
  void imageLsTagInspect_showTheLocalStore() throws IOException {
    assertThat(jc.run("image", "ls").assertOk().stdout())
        .contains("REPOSITORY", "IMAGE ID", "busybox", "latest");
    jc.run("image", "tag", "busybox", "example.org/team/box:1").assertOk();
    JsonNode img = Json.parse(jc.run("image", "inspect", "busybox").assertOk().stdout()).path(0);
    assertThat(img.get("Id").asText()).startsWith("sha256:");
    assertThat(img.get("RepoTags").toString()).contains("busybox:latest", "example.org/team/box:1");
    assertThat(img.path("RootFS").path("Layers").size()).isPositive();
    assertThat(img.get("Os").asText()).isEqualTo("linux");
    assertThat(
            jc.run("image", "ls", "--format", "{{.Repository}}:{{.Tag}}")
                .assertOk()
                .stdout()
                .lines())
        .contains("example.org/team/box:1");
  }

  @Test
  @Order(2)
  void imageSave_writesATarballSkopeoReadsAsDockerArchiveAndOciArchive() throws Exception {
    Path tar = jc.root.resolve("box.tar");
    jc.run("image", "save", "-o", tar.toString(), "busybox").assertOk();
    JsonNode docker = Json.parse(Skopeo.run("inspect", "docker-archive:" + tar));
    assertThat(docker.get("Layers").size()).isPositive();
    assertThat(docker.get("Os").asText()).isEqualTo("linux");
    JsonNode oci = Json.parse(Skopeo.run("inspect", "oci-archive:" + tar));
    assertThat(oci.get("Layers")).isEqualTo(docker.get("Layers"));
  }

  @Test
  @Order(3)
  void imageLoad_readsOurSaveAndOciArchivesSkopeoWrites() throws Exception {
    Path tar = jc.root.resolve("box.tar");
    jc.run("image", "rm", "example.org/team/box:1").assertOk();
    assertThat(jc.run("image", "ls").assertOk().stdout()).doesNotContain("example.org/team/box");
    Path oci = jc.root.resolve("oci.tar");
    Skopeo.run("copy", "docker-archive:" + tar, "oci-archive:" + oci + ":loaded/box:2");
    Jcompose.Result load = jc.run("image", "load", "-i", oci.toString()).assertOk();
    assertThat(load.stdout()).contains("Loaded image: docker.io/loaded/box:2");
    Path dockerArchive = jc.root.resolve("skopeo-docker.tar");
    Skopeo.run("copy", "docker-archive:" + tar, "docker-archive:" + dockerArchive + ":again/box:3");
    assertThat(
            jc.runBinary(60, dockerArchive, jc.root.resolve("load.out"), "image", "load")
                .assertOk())
        .isNotNull();
    assertThat(
            jc.run("image", "ls", "--format", "{{.Repository}}:{{.Tag}}")
                .assertOk()
                .stdout()
                .lines())
        .contains("loaded/box:2", "again/box:3");
  }

  @Test
  @Order(4)
  void imageRm_ofAnImageARunningContainerUses_isRefused_aSecondTagIsJustUntagged()
      throws IOException {
    String id =
        Json.parse(jc.run("image", "inspect", "busybox").assertOk().stdout())
            .path(0)
            .get("Id")
            .asText();
    Jcompose.Result rm = jc.run("image", "rm", "-f", id);
    assertThat(rm.exitCode()).isEqualTo(1);
    assertThat(rm.stderr()).contains("conflict", "storage-web-1");
    // the running container's image keeps busybox:latest: a second tag of it goes as docker's does
    jc.run("image", "tag", "busybox", "spare/box:1").assertOk();
    assertThat(jc.run("image", "rm", "spare/box:1").assertOk().stdout())
        .contains("Untagged: spare/box:1")
        .doesNotContain("Deleted");
  }

  @Test
  @Order(5)
  void imagePrune_takesDanglingOnly_thenWithAllEveryImageNoContainerUses() throws Exception {
    Path layered = jc.root.resolve("layered.tar");
    String ref = TestRegistry.address() + "/jcompose-test/layered:latest";
    Skopeo.run(
        "copy",
        "--src-tls-verify=false",
        "docker://" + ref,
        "docker-archive:" + layered + ":spare/layered:1");
    jc.run("image", "load", "-i", layered.toString()).assertOk();
    String id =
        Json.parse(jc.run("image", "inspect", "spare/layered:1").assertOk().stdout())
            .path(0)
            .get("Id")
            .asText();
    // a tagged image is not dangling: the default prune keeps it
    assertThat(jc.run("image", "prune", "-f").assertOk().stdout())
        .doesNotContain(id)
        .contains("Total reclaimed space");
    String pruned = jc.run("image", "prune", "-f", "-a").assertOk().stdout();
    // docker's lines: each tag untagged, then each image deleted by its id
    assertThat(pruned)
        .startsWith("Deleted Images:\nuntagged: ")
        .contains("untagged: spare/layered:1\n", "deleted: " + id + "\n", "Total reclaimed space");
    assertThat(pruned.indexOf("deleted: ")).isGreaterThan(pruned.lastIndexOf("untagged: "));
    String left = jc.run("image", "ls", "--format", "{{.Repository}}:{{.Tag}}").assertOk().stdout();
    // the running web container's image stays, with every tag it has
    assertThat(left.lines()).doesNotContain("spare/layered:1").contains("busybox:latest");
  }

  @Test
  @Order(6)
  void volumeCreateInspectPrune_andNetworkLsInspect() throws IOException {
    jc.run("volume", "create", "--label", "purpose=test", "scratch").assertOk();
    JsonNode v = Json.parse(jc.run("volume", "inspect", "scratch").assertOk().stdout()).path(0);
    assertThat(v.get("Name").asText()).isEqualTo("scratch");
    assertThat(v.path("Labels").path("purpose").asText()).isEqualTo("test");
    assertThat(v.get("Driver").asText()).isEqualTo("local");
    // docker 23+: prune takes unused anonymous volumes, -a the named ones too; the stack's stay
    assertThat(jc.run("volume", "prune", "-f").assertOk().stdout())
        .doesNotContain("scratch", "storage_data");
    assertThat(jc.run("volume", "prune", "-f", "-a").assertOk().stdout())
        .contains("scratch")
        .doesNotContain("storage_data");
    assertThat(jc.run("network", "ls").assertOk().stdout())
        .contains("NETWORK ID", "storage_default", "bridge");
    JsonNode n =
        Json.parse(jc.run("network", "inspect", "storage_default").assertOk().stdout()).path(0);
    assertThat(n.path("IPAM").path("Config").path(0).path("Subnet").asText()).contains("/");
    assertThat(n.path("Containers").path("storage-web-1").path("IPv4Address").asText())
        .contains("/");
  }

  @Test
  @Order(7)
  void systemDfAndPrune_countAndRemoveWhatNothingUses() {
    String df = jc.run("system", "df").assertOk().stdout();
    assertThat(df).contains("TYPE", "Images", "Containers", "Local Volumes", "RECLAIMABLE");
    jc.run("stop", "-t", "0").assertOk();
    String pruned = jc.run("system", "prune", "-f", "-a", "--volumes").assertOk().stdout();
    assertThat(pruned)
        .contains(
            "Deleted Containers:",
            "storage-web-1",
            "Deleted Networks:",
            "storage_default",
            "Total reclaimed space");
    assertThat(jc.run("image", "ls", "-q").assertOk().stdout()).isBlank();
    assertThat(jc.run("ps", "-a", "-q").assertOk().stdout()).isBlank();
  }
}
