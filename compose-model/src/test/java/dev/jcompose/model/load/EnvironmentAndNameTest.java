package dev.jcompose.model.load;

import static dev.jcompose.model.load.LoaderFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentAndNameTest {
  @TempDir Path tmp;

  private LoaderFixture project(String compose) {
    return new LoaderFixture(tmp.resolve("My_Project")).write("compose.yaml", compose);
  }

  @Test
  void dotEnv_feedsInterpolation_callerEnvironmentWins() {
    LoaderFixture f =
        project("services: {web: {image: '${IMG}:${TAG}'}}\n").write(".env", "IMG=app\nTAG=file\n");
    f.env.put("TAG", "shell");
    LoadedTree t = f.load();
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("app:shell");
    assertThat(t.environment()).containsEntry("IMG", "app").containsEntry("TAG", "shell");
  }

  @Test
  void envFileOption_replacesDefaultDotEnv_laterFilesWin() {
    LoaderFixture f =
        project("services: {web: {image: '${IMG}'}}\n")
            .write(".env", "IMG=default\n")
            .write("a.env", "IMG=a\n")
            .write("b.env", "IMG=b\n");
    f.envFiles = List.of("a.env", "b.env");
    assertThat(value(f.load().tree(), "services", "web", "image")).isEqualTo("b");
  }

  @Test
  void unsetVariable_warns() {
    LoadedTree t = project("services: {web: {image: 'x${NOPE}'}}\n").load();
    assertThat(t.warnings())
        .contains("The \"NOPE\" variable is not set. Defaulting to a blank string.");
  }

  @Test
  void projectName_fromDirectory_normalised() {
    assertThat(project("services: {web: {image: a}}\n").load().projectName())
        .isEqualTo("my_project");
  }

  @Test
  void projectName_fromFile_interpolatedAndNormalised() {
    LoaderFixture f =
        project("name: ${N}-Stack\nservices: {web: {image: '${COMPOSE_PROJECT_NAME}'}}\n");
    f.env.put("N", "Demo");
    LoadedTree t = f.load();
    assertThat(t.projectName()).isEqualTo("demo-stack");
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("demo-stack");
    assertThat(t.tree().entries()).doesNotContainKey("name");
  }

  @Test
  void projectName_environmentBeatsFile_flagBeatsEnvironment() {
    LoaderFixture f =
        project("name: fromfile\nservices: {web: {image: a}}\n")
            .write(".env", "COMPOSE_PROJECT_NAME=fromenv\n");
    assertThat(f.load().projectName()).isEqualTo("fromenv");
    f.projectName = "fromflag";
    assertThat(f.load().projectName()).isEqualTo("fromflag");
  }

  @Test
  void projectName_explicitInvalid_rejectedNotNormalised() {
    LoaderFixture f = project("services: {web: {image: a}}\n");
    f.projectName = "My_App";
    assertThatThrownBy(f::load)
        .hasMessageStartingWith("invalid project name \"My_App\": must consist only of");
  }

  @Test
  void projectName_emptyAfterNormalisation_rejected() {
    LoaderFixture f =
        new LoaderFixture(tmp.resolve("日本")).write("compose.yaml", "services: {web: {image: a}}\n");
    assertThatThrownBy(f::load).hasMessage("project name must not be empty");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"My App.v2|myappv2", "_Test-Dir|test-dir", "--a_b|a_b", "ABC123|abc123"})
  void normalize_projectNames(String in, String out) {
    assertThat(ProjectNames.normalize(in)).isEqualTo(out);
  }

  @Test
  void projectDirectory_option_locatesDotEnvAndFiles() {
    LoaderFixture f =
        new LoaderFixture(tmp)
            .write("stack/compose.yaml", "services: {web: {image: '${IMG}'}}\n")
            .write("stack/.env", "IMG=fromstack\n")
            .write(".env", "IMG=fromcwd\n");
    f.projectDir = Path.of("stack");
    LoadedTree t = f.load();
    assertThat(t.projectDir()).isEqualTo(tmp.resolve("stack"));
    assertThat(t.projectName()).isEqualTo("stack");
    // compose reads the project directory's .env (the cwd one is not consulted when a dir is given)
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("fromstack");
  }

  @Test
  void disableEnvFile_skipsDotEnv() {
    LoaderFixture f =
        project("services: {web: {image: 'x${IMG:-none}'}}\n").write(".env", "IMG=set\n");
    f.env.put("COMPOSE_DISABLE_ENV_FILE", "true");
    assertThat(value(f.load().tree(), "services", "web", "image")).isEqualTo("xnone");
  }

  @Test
  void includePath_isInterpolated_requiredVariableErrors() {
    LoaderFixture f = project("include: ['${LIB:?set LIB}/c.yml']\n");
    assertThatThrownBy(f::load)
        .hasMessageContaining(
            "error while interpolating include[0]: "
                + "required variable LIB is missing a value: set LIB");
    f.write("lib/c.yml", "services: {db: {image: pg}}\n");
    f.env.put("LIB", "lib");
    assertThat(value(f.load().tree(), "services", "db", "image")).isEqualTo("pg");
  }

  @Test
  void noInterpolate_keepsTemplatesVerbatim() {
    LoaderFixture f = project("services: {web: {image: '${IMG}', privileged: '${P}'}}\n");
    LoadedTree t =
        ProjectTreeLoader.load(
            new dev.jcompose.model.api.LoadOptions(
                List.of(), null, null, List.of(), List.of(), f.env, f.root, false, null));
    assertThat(value(t.tree(), "services", "web", "image")).isEqualTo("${IMG}");
    assertThat(value(t.tree(), "services", "web", "privileged")).isEqualTo("${P}");
  }
}
