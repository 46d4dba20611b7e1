package dev.jcompose.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.SecurityOptions;
import dev.jcompose.model.normalize.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityRulesTest {

  @Test
  void unknownSecurityOpt_isAnErrorAtItsLine() {
    assertThatThrownBy(
            () ->
                Fixtures.load(
                    "services:\n  web:\n    image: x\n    security_opt: [seccomp=unconfined, nopriv]\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage(
            "compose.yaml:4:40: services.web.security_opt: invalid security_opt \"nopriv\" (known: seccomp, no-new-privileges, apparmor, label)");
    assertThatThrownBy(
            () ->
                Fixtures.load(
                    "services:\n  web:\n    image: x\n    security_opt: [\"no-new-privileges:maybe\"]\n"))
        .hasMessageContaining("invalid security_opt \"no-new-privileges:maybe\"");
  }

  @Test
  void apparmorAndLabel_areWarnedAbout_notDropped() {
    LoadResult r =
        Fixtures.load(
            "services:\n  web:\n    image: x\n    security_opt:\n      - apparmor=docker-default\n      - label:disable\n");

    assertThat(r.warnings())
        .containsExactly(
            "compose.yaml:5:9: services.web.security_opt: \"apparmor=docker-default\" is not applied: jcompose has no AppArmor, SELinux or cgroup-writable mode; the container runs without it",
            "compose.yaml:6:9: services.web.security_opt: \"label:disable\" is not applied: jcompose has no AppArmor, SELinux or cgroup-writable mode; the container runs without it");
  }

  @Test
  void seccompProfile_mustExist_relativeToTheProjectDirectory(@TempDir Path dir) throws Exception {
    String yaml = "services:\n  web:\n    image: x\n    security_opt: [\"seccomp=profile.json\"]\n";
    assertThatThrownBy(() -> ProjectLoader.fromTree(Fixtures.tree(yaml, List.of(), dir)))
        .hasMessage(
            "compose.yaml:4:20: services.web.security_opt: seccomp profile "
                + dir.resolve("profile.json")
                + " does not exist");
    Files.writeString(dir.resolve("profile.json"), "{}");
    assertThat(ProjectLoader.fromTree(Fixtures.tree(yaml, List.of(), dir)).warnings()).isEmpty();
  }

  @Test
  void deviceCgroupRules_dockersSyntax() {
    assertThat(
            Fixtures.load(
                    "services:\n  web:\n    image: x\n    device_cgroup_rules: ['c 1:3 mr', 'b *:* m', 'a 7:* rwm']\n")
                .project()
                .services()
                .get("web")
                .security()
                .deviceCgroupRules())
        .containsExactly("c 1:3 mr", "b *:* m", "a 7:* rwm");
    assertThatThrownBy(
            () ->
                Fixtures.load(
                    "services:\n  web:\n    image: x\n    device_cgroup_rules: ['c 1:3 rwx']\n"))
        .hasMessageStartingWith(
            "compose.yaml:4:27: services.web.device_cgroup_rules: invalid device cgroup rule \"c 1:3 rwx\"");
  }

  @Test
  void parse_likeDocker() {
    assertThat(SecurityOptions.parse(List.of("no-new-privileges")))
        .isEqualTo(new SecurityOptions(true, null, List.of()));
    assertThat(
            SecurityOptions.parse(List.of("no-new-privileges=true", "no-new-privileges:false"))
                .noNewPrivileges())
        .isFalse();
    assertThat(SecurityOptions.parse(List.of("seccomp:Unconfined")).seccomp())
        .isEqualTo("unconfined");
    assertThat(SecurityOptions.parse(List.of("seccomp=builtin")).defaultSeccomp()).isTrue();
    assertThat(SecurityOptions.parse(List.of("seccomp=/etc/p.json")).seccomp())
        .isEqualTo("/etc/p.json");
  }
}
