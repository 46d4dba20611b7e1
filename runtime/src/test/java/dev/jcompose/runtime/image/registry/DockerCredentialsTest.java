package dev.jcompose.runtime.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {

  @Test
  void basicFor_authAndUsernameForms_areFound(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        """
        {"auths":{"https://index.docker.io/v1/":{"auth":"dTpw"},
                  "reg.test:5000":{"username":"a","password":"b"}}}""");
    DockerCredentials creds = DockerCredentials.load(file);
    assertThat(creds.basicFor("docker.io")).contains("dTpw");
    assertThat(creds.basicFor("reg.test:5000"))
        .contains(Base64.getEncoder().encodeToString("a:b".getBytes()));
    assertThat(creds.basicFor("other.test")).isEmpty();
  }

  @Test
  void load_missingFile_isEmpty(@TempDir Path dir) {
    assertThat(DockerCredentials.load(dir.resolve("none.json")).basicFor("docker.io")).isEmpty();
  }
}
