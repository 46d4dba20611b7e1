package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ContainerExecRootTest extends RuntimeFixture {

  @BeforeEach
  void startSleeper() {
    runtime.create(spec("exec", "sleep", "1000"));
    runtime.start("sh-exec");
  }

  @Test
  void exec_runsInContainerNamespaces_withExitCode() throws Exception {
    ExecSession s =
        runtime.exec(
            "sh-exec",
            new ExecSpec(
                List.of(
                    "sh",
                    "-c",
                    "hostname; echo $FOO; ls /proc/1/exe >/dev/null && cat /proc/1/cmdline; exit 5"),
                List.of(),
                null,
                null,
                false,
                false));

    String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(s.exitCode().get(10, TimeUnit.SECONDS)).isEqualTo(5);
    assertThat(out).startsWith("box-sh-exec\nbar\nsleep");
  }

  @Test
  void exec_stdinAndUser() throws Exception {
    ExecSession s =
        runtime.exec(
            "sh-exec",
            new ExecSpec(
                List.of("sh", "-c", "id -u; cat"), List.of("X=1"), "/tmp", "app", false, true));
    s.stdin().write("piped\n".getBytes(StandardCharsets.UTF_8));
    s.stdin().close();

    assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("1000\npiped\n");
    assertThat(s.exitCode().get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void exec_missingBinary_reportsErrnoAndMessage() {
    assertThatThrownBy(
            () ->
                runtime.exec(
                    "sh-exec", new ExecSpec(List.of("nope"), List.of(), null, null, false, false)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("executable file not found")
        .hasMessageContaining("errno 2");
  }

  @Test
  void exec_tty_mergesOutputThroughPty() throws Exception {
    ExecSession s =
        runtime.exec(
            "sh-exec",
            new ExecSpec(
                List.of("sh", "-c", "test -t 1 && echo tty"), List.of(), null, null, true, false));

    assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8)).contains("tty");
    assertThat(s.exitCode().get(10, TimeUnit.SECONDS)).isZero();
  }
}
