package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The jar run without the {@code ./jcompose} launcher, {@code java -jar jcompose.jar}, as a user or
 * a packager's wrapper runs it: no JVM option of the launcher's, so what the jar's manifest says
 * decides. {@code image ls} loads native code (jnr's stub library) on every JDK.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectJarScenariosTest {
  private static final Pattern FEATURE =
      Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

  private Jcompose jc;

  @BeforeAll
  void project() {
    jc = Jcompose.fixture("storage");
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void javaJar_onJdk25_printsNoRestrictedMethodWarning() throws IOException {
    Optional<Path> java = newestJava(25);
    assumeTrue(java.isPresent(), "no JDK 25 or later here (JAVA_HOME, /usr/lib/jvm)");
    String bin = java.get().toString();
    Jcompose.Result direct =
        jc.runCommand(60, List.of(bin, "-jar", Jcompose.JAR.toString(), "image", "ls")).assertOk();
    assertThat(direct.stdout()).startsWith("REPOSITORY");
    assertThat(direct.stderr()).doesNotContainIgnoringCase("restricted method").isEmpty();
    // the same classes from a class path, where no manifest enables native access: the JDK warns,
    // so the verb does load native code and the silence above is the manifest's
    Jcompose.Result classPath =
        jc.runCommand(
                60,
                List.of(
                    bin,
                    "-cp",
                    Jcompose.JAR.toString(),
                    "dev.jcompose.cli.JcomposeCli",
                    "image",
                    "ls"))
            .assertOk();
    assertThat(classPath.stderr()).containsIgnoringCase("restricted method");
  }

  @Test
  void theEngineStartedFromJdk25_logsNoRestrictedMethodWarning() throws IOException {
    Optional<Path> java = newestJava(25);
    assumeTrue(java.isPresent(), "no JDK 25 or later here (JAVA_HOME, /usr/lib/jvm)");
    // the engine runs from a class path, where the manifest does not count: its own options must
    // grant native access
    jc.runCommand(180, List.of(java.get().toString(), "-jar", Jcompose.JAR.toString(), "up", "-d"))
        .assertOk();
    String log = Files.readString(jc.root.resolve("run/engine.log"));
    assertThat(log).isNotEmpty().doesNotContainIgnoringCase("restricted method");
    jc.run("down", "-v", "-t", "0").assertOk();
  }

  @Test
  void javaJar_onTheDefaultJava_ignoresTheAttributeItDoesNotKnow() {
    Jcompose.Result r =
        jc.runCommand(60, List.of("java", "-jar", Jcompose.JAR.toString(), "image", "ls"))
            .assertOk();
    assertThat(r.stdout()).startsWith("REPOSITORY");
    assertThat(r.stderr()).isEmpty();
  }

  /**
   * The newest JDK of at least {@code feature} as the launcher finds it: JAVA_HOME and the JDKs
   * under /usr/lib/jvm, by the feature release their {@code release} file names.
   */
  private static Optional<Path> newestJava(int feature) throws IOException {
    List<Path> homes = new ArrayList<>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isEmpty()) {
      homes.add(Path.of(javaHome));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        s.forEach(homes::add);
      }
    }
    Path best = null;
    int bestFeature = feature - 1;
    for (Path home : homes) {
      Path release = home.resolve("release");
      Path bin = home.resolve("bin/java");
      if (!Files.isReadable(release) || !Files.isExecutable(bin)) {
        continue;
      }
      Matcher m = FEATURE.matcher(Files.readString(release));
      if (m.find() && Integer.parseInt(m.group(1)) > bestFeature) {
        bestFeature = Integer.parseInt(m.group(1));
        best = bin;
      }
    }
    return Optional.ofNullable(best);
  }
}
