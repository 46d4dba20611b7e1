package dev.jcompose.cli.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which command lines go to the engine's door: the Java scan (the engine's and the thin entry's
 * check) and the launcher's bash function {@code hosted_verb} agree on every case.
 */
class HostedVerbsTest {
  private static final Path LAUNCHER = Path.of("..", "jcompose");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-none-",
      value = {
        "ps|ps",
        "ps -a --format json|ps",
        "-f a.yaml -p demo ps -q|ps",
        "--file=a.yaml --project-name=x config -q|config",
        "--dry-run --ansi never --progress plain --parallel 2 ps|ps",
        "--profile p --env-file e --project-directory d config --services|config",
        "config -q -f x.yaml|config",
        "version|version",
        "ls -a|ls",
        "images|images",
        "-p demo images -q --format json|images",
        "image ls|-none-",
        "up -d|-none-",
        "logs ps|-none-",
        "ps --help|-none-",
        "-h|-none-",
        "-f - config|-none-",
        "--file=- config|-none-",
        "config -f -|-none-",
        "-f|-none-",
        "--unknown ps|-none-",
        "-V|-none-",
        "--file ps|-none-",
        "''|-none-",
      })
  void javaAndBashAgree(String line, String verb) throws Exception {
    List<String> argv = line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));
    assertThat(HostedVerbs.verb(argv)).isEqualTo(verb);
    assertThat(bashSaysHosted(argv)).as("launcher's hosted_verb").isEqualTo(verb != null);
  }

  /** Runs the launcher's own function (cut out of ./jcompose) on {@code argv}. */
  private static boolean bashSaysHosted(List<String> argv)
      throws IOException, InterruptedException {
    String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
    int start = script.indexOf("hosted_verb() {");
    int end = script.indexOf("\n}\n", start) + 3;
    List<String> cmd =
        new ArrayList<>(
            List.of("bash", "-c", script.substring(start, end) + "hosted_verb \"$@\"", "_"));
    cmd.addAll(argv);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0;
  }
}
