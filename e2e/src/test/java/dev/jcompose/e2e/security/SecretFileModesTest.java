package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.Jcompose.Result;
import dev.jcompose.e2e.OneProjectPerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, host files: a secret or config whose content the engine writes reaches the container
 * with the compose reference's uid, gid and mode (docker compose's defaults otherwise: root, 0444),
 * so a secret made readable for one user is not readable by another; a file source is bound as the
 * host file is, and the loader says so instead of dropping the attributes silently.
 */
@Tag("security")
@Tag("root")
class SecretFileModesTest extends OneProjectPerTest {

  @Test
  void inlineSecretsAndConfigs_haveTheirComposeOwnerAndMode_insideTheContainer() {
    jc = Jcompose.fixture("sec-file-refs").withEnv("JC_TOKEN", "s3cret");
    Result up = jc.run(180, "up", "-d");
    up.assertOk();
    assertThat(up.stderr())
        .contains(
            "compose.yaml:13:9: services.box.secrets.2: mode of secret \"onhost\" not applied");

    assertThat(
            sh(
                "root",
                "stat -c '%n %u:%g %a' /run/secrets/token /run/secrets/plain"
                    + " /run/secrets/plain-private /etc/app.conf"))
        .isEqualTo(
            "/run/secrets/token 1000:1001 440\n"
                + "/run/secrets/plain 0:0 444\n"
                + "/run/secrets/plain-private 1000:0 400\n"
                + "/etc/app.conf 1000:0 400\n");
    assertThat(sh("1000", "cat /run/secrets/token /etc/app.conf")).isEqualTo("s3cretk=v");
    assertThat(sh("2000:1001", "cat /run/secrets/token")).isEqualTo("s3cret");

    Result other = jc.run(60, "exec", "-T", "-u", "2000", "box", "cat", "/run/secrets/token");
    assertThat(other.exitCode()).isNotZero();
    assertThat(other.stderr()).contains("Permission denied");
    Result config = jc.run(60, "exec", "-T", "-u", "2000", "box", "cat", "/etc/app.conf");
    assertThat(config.exitCode()).isNotZero();
    assertThat(config.stderr()).contains("Permission denied");
  }

  private String sh(String user, String script) {
    return jc.run(60, "exec", "-T", "-u", user, "box", "sh", "-c", script).assertOk().stdout();
  }
}
