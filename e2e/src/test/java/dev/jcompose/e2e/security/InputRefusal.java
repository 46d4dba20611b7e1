package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;

/**
 * How a refused compose file must look to the user: exit 1, file:line:column and the attribute, no
 * stack trace.
 */
final class InputRefusal {
  private InputRefusal() {}

  static void assertRefused(Jcompose.Result r, String location, String attribute, String reason) {
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.stderr()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(location)
        .contains(attribute + ": ")
        .contains(reason)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
