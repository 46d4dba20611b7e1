package dev.jcompose.model.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.normalize.Fixtures;
import org.junit.jupiter.api.Test;

class ProjectValidatorTest {

  private static void fails(String yaml, String message) {
    assertThatThrownBy(() -> Fixtures.load(yaml))
        .isInstanceOf(ComposeFileException.class)
        .hasMessage(message);
  }

  @Test
  void dependsOn_cycle_isNamed() {
    fails(
        """
        services:
          a: {image: x, depends_on: [b]}
          b: {image: x, depends_on: [a]}
        """,
        "compose.yaml:2:17: dependency cycle detected: a -> b -> a");
  }

  @Test
  void dependsOn_self_isACycle() {
    fails(
        "services:\n  a: {image: x, depends_on: [a]}\n",
        "compose.yaml:2:17: dependency cycle detected: a -> a");
  }

  @Test
  void dependsOn_undefinedService() {
    fails(
        "services:\n  web:\n    image: x\n    depends_on: [db]\n",
        "compose.yaml:4:18: service \"web\" depends on undefined service \"db\": invalid compose project");
  }

  @Test
  void dependsOn_disabledButOptional_isAllowed() {
    assertThatCode(
            () ->
                Fixtures.load(
                    """
        services:
          web:
            image: x
            depends_on: {db: {condition: service_started, required: false}}
          db: {image: x, profiles: [debug]}
        """))
        .doesNotThrowAnyException();
  }

  @Test
  void dependsOn_badCondition() {
    fails(
        "services:\n  web:\n    image: x\n    depends_on: {db: {condition: started}}\n  db: {image: x}\n",
        "compose.yaml:4:23: services.web.depends_on.db.condition must be one of the following: "
            + "\"service_started\", \"service_healthy\", \"service_completed_successfully\"");
  }

  @Test
  void undefinedNetwork_volume_secret_config() {
    fails(
        "services:\n  web:\n    image: x\n    networks: [front]\n",
        "compose.yaml:4:16: service \"web\" refers to undefined network front: invalid compose project");
    fails(
        "services:\n  web:\n    image: x\n    volumes: ['data:/d']\n",
        "compose.yaml:4:15: service \"web\" refers to undefined volume data: invalid compose project");
    fails(
        "services:\n  web:\n    image: x\n    secrets: [tok]\n",
        "compose.yaml:4:15: service \"web\" refers to undefined secret tok: invalid compose project");
    fails(
        "services:\n  web:\n    image: x\n    configs: [cfg]\n",
        "compose.yaml:4:15: service \"web\" refers to undefined config cfg: invalid compose project");
  }

  @Test
  void networkMode_withNetworks_isExclusive() {
    fails(
        "services:\n  web:\n    image: x\n    network_mode: host\n    networks: [default]\n",
        "compose.yaml:4:5: service web declares mutually exclusive `network_mode` and `networks`: invalid compose project");
  }

  @Test
  void cpus_mismatchDeployLimits() {
    fails(
        "services:\n  web:\n    image: x\n    cpus: 0.5\n    deploy: {resources: {limits: {cpus: '1'}}}\n",
        "compose.yaml:4:5: services.web: can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus': invalid compose project");
    assertThatCode(
            () ->
                Fixtures.load(
                    "services:\n  web:\n    image: x\n    mem_limit: 1g\n    deploy: {resources: {limits: {memory: 1024m}}}\n"))
        .doesNotThrowAnyException();
  }

  @Test
  void containerName_withScale() {
    fails(
        "services:\n  web:\n    image: x\n    container_name: w\n    scale: 2\n",
        "compose.yaml:4:5: services.web: can't set container_name and scale as container name must be unique: invalid compose project");
  }

  @Test
  void neitherImageNorBuild() {
    fails(
        "services:\n  web:\n    command: echo\n",
        "compose.yaml:2:3: service \"web\" has neither an image nor a build context specified: invalid compose project");
  }

  @Test
  void duplicateMountTarget() {
    fails(
        "services:\n  web:\n    image: x\n    tmpfs: [/t]\n    volumes: ['/t']\n",
        "compose.yaml:5:5: services.web.volumes[0]: target /t already mounted as services.web.tmpfs[0]");
  }

  @Test
  void healthcheckTest_mustStartWithKnownWord() {
    fails(
        "services:\n  web:\n    image: x\n    healthcheck: {test: [curl, x]}\n",
        "compose.yaml:4:19: healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
  }

  @Test
  void secret_withoutSource() {
    fails(
        "services:\n  web: {image: x}\nsecrets:\n  tok: {labels: [a=b]}\n",
        "compose.yaml:4:3: secret \"tok\" must declare either `file` or `environment`: invalid compose project");
  }

  @Test
  void unknownTopLevelKey() {
    fails(
        "services:\n  web: {image: x}\nservice: {}\n",
        "compose.yaml:3:1: (root): additional property \"service\" is not allowed");
  }
}
