package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.OneProjectPerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, seccomp: a process in a container asks the kernel for what docker's default profile
 * refuses (a user namespace, the kernel keyring, bpf) and gets EPERM, in the container's init and
 * in every exec; {@code seccomp=unconfined} and {@code privileged} turn the filter off as in
 * docker, and {@code seccomp=FILE} loads a profile in docker's JSON format from the project
 * directory.
 */
@Tag("security")
@Tag("root")
class SyscallFilterTest extends OneProjectPerTest {

  @Test
  void defaultProfile_refusesUserNamespacesKeyringAndBpf_withEperm_inInitAndExec()
      throws Exception {
    jc = Jcompose.fixture("sec-syscall-filter");
    SyscallProbe.buildInto(jc.projectDir);
    Jcompose.Result up = jc.run(180, "up", "-d");
    up.assertOk();
    assertThat(up.stderr()).contains("\"apparmor=unconfined\" is not applied");

    assertThat(exec("confined", "grep", "^Seccomp:", "/proc/1/status")).isEqualTo("Seccomp:\t2");
    assertThat(exec("confined", "grep", "^Seccomp:", "/proc/self/status")).isEqualTo("Seccomp:\t2");
    assertThat(exec("confined", "/probe", "keyctl", "bpf", "unshare-user", "clone3", "getpid"))
        .isEqualTo("keyctl: EPERM\nbpf: EPERM\nunshare-user: EPERM\nclone3: ENOSYS\ngetpid: ok");
    assertThat(jc.run("exec", "-T", "confined", "unshare", "-U", "true").stderr())
        .contains("Operation not permitted");
  }

  @Test
  void unconfinedAndPrivileged_runWithoutAFilter_customProfileComesFromTheProjectDirectory()
      throws Exception {
    jc = Jcompose.fixture("sec-syscall-filter");
    SyscallProbe.buildInto(jc.projectDir);
    jc.run(180, "up", "-d").assertOk();

    assertThat(exec("unconfined", "grep", "^Seccomp:", "/proc/1/status")).isEqualTo("Seccomp:\t0");
    assertThat(exec("unconfined", "/probe", "keyctl")).isEqualTo("keyctl: ok");
    assertThat(exec("privileged", "grep", "^Seccomp:", "/proc/1/status")).isEqualTo("Seccomp:\t0");
    assertThat(exec("custom", "grep", "^Seccomp:", "/proc/1/status")).isEqualTo("Seccomp:\t2");
    Jcompose.Result mkdir = jc.run("exec", "-T", "custom", "mkdir", "/tmp/x");
    assertThat(mkdir.exitCode()).isNotZero();
    assertThat(mkdir.stderr()).contains("Permission denied");
  }

  @Test
  void unknownSecurityOpt_isRefusedAtItsLine() {
    jc = Jcompose.fixture("sec-bad-opt");
    Jcompose.Result config = jc.run("config", "-q");

    assertThat(config.exitCode()).isEqualTo(1);
    assertThat(config.stderr())
        .contains(
            "compose.yaml:6:9: services.box.security_opt: invalid security_opt \"seccom=unconfined\"");
  }

  private String exec(String service, String... cmd) {
    String[] args = new String[cmd.length + 3];
    args[0] = "exec";
    args[1] = "-T";
    args[2] = service;
    System.arraycopy(cmd, 0, args, 3, cmd.length);
    return jc.run(args).assertOk().stdout().strip();
  }
}
