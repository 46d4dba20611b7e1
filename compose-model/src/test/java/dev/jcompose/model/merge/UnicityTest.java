package dev.jcompose.model.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnicityTest {

  private static List<Object> attr(String serviceYaml, String key) {
    MapNode tree = Unicity.enforce(YamlReader.read("services:\n  s:\n" + serviceYaml, "f").get(0));
    ListNode l = (ListNode) ((MapNode) ((MapNode) tree.get("services")).get("s")).get(key);
    List<Object> out = new ArrayList<>();
    for (Node n : l.items()) {
      out.add(n instanceof ScalarNode s ? s.value() : ((MapNode) n).entries().keySet());
    }
    return out;
  }

  @Test
  void unicity_environmentByKey_lastValueAtFirstPosition() {
    assertThat(attr("    environment: [A=1, B=2, A=3]\n", "environment"))
        .containsExactly("A=3", "B=2");
  }

  @Test
  void unicity_devicesByContainerPath() {
    assertThat(attr("    devices: ['/dev/a:/dev/x', '/dev/b:/dev/x:rw']\n", "devices"))
        .containsExactly("/dev/b:/dev/x:rw");
  }

  @Test
  void unicity_exposeByValue() {
    assertThat(attr("    expose: ['80', '80', 81]\n", "expose")).containsExactly("80", 81L);
  }

  @Test
  void unicity_envFileByPath() {
    assertThat(attr("    env_file: [a.env, {path: a.env, required: false}]\n", "env_file"))
        .hasSize(1);
  }

  @Test
  void unicity_configsDefaultTargetIsSlashSource() {
    assertThat(attr("    configs: [c, {source: other, target: /c}]\n", "configs")).hasSize(1);
  }

  @Test
  void unicity_longPortsByHostPublishedTargetProtocol() {
    assertThat(
            attr(
                "    ports: [{target: 80, published: '8080'}, {target: 80, published: '8080', protocol: tcp},"
                    + " {target: 80, published: '8080', protocol: udp}]\n",
                "ports"))
        .hasSize(2);
  }

  @Test
  void unicity_volumeWithoutTarget_errors() {
    assertThatThrownBy(() -> attr("    volumes: [{type: volume, source: x}]\n", "volumes"))
        .hasMessageContaining("services.s.volumes[0]: service volume is missing a mount target");
  }

  @Test
  void unicity_otherLists_untouched() {
    assertThat(attr("    command: [a, a]\n", "command")).containsExactly("a", "a");
  }
}
