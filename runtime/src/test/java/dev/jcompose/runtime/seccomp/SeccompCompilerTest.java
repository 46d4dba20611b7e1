package dev.jcompose.runtime.seccomp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Docker's default profile compiled for x86_64, run through a BPF interpreter: what containers get.
 */
class SeccompCompilerTest {
  static final Set<String> DOCKER_CAPS =
      Set.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_FSETID",
          "CAP_FOWNER",
          "CAP_MKNOD",
          "CAP_NET_RAW",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETFCAP",
          "CAP_SETPCAP",
          "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT",
          "CAP_KILL",
          "CAP_AUDIT_WRITE");
  static final KernelVersion KERNEL = new KernelVersion(6, 18);

  static final int ALLOW = 0x7fff0000;
  static final int EPERM = 0x00050001;
  static final int ENOSYS = 0x00050026;
  static final int KILL = 0;

  private static final int X64 = BpfInterpreter.AUDIT_X86_64;
  private static final long X32_BIT = 0x40000000L;
  private static final long CLONE_NEWUSER = 0x10000000L;
  private static final long SIGCHLD = 17;

  private final BpfInterpreter dockerDefault = filter(DOCKER_CAPS);

  static BpfInterpreter filter(Set<String> caps) {
    return new BpfInterpreter(
        SeccompFilters.compile(SeccompFilters.dockerDefault(), caps, SeccompArch.X86_64, KERNEL));
  }

  @Test
  void defaultProfile_allowsOrdinarySyscalls_onAllThreeX86Abis() {
    assertThat(dockerDefault.run(X64, 0)).isEqualTo(ALLOW); // read
    assertThat(dockerDefault.run(X64, 59)).isEqualTo(ALLOW); // execve
    assertThat(dockerDefault.run(BpfInterpreter.AUDIT_I386, 3)).isEqualTo(ALLOW); // i386 read
    assertThat(dockerDefault.run(X64, X32_BIT)).isEqualTo(ALLOW); // x32 read
    assertThat(dockerDefault.run(X64, X32_BIT + 520)).isEqualTo(ALLOW); // x32 execve
  }

  @Test
  void defaultProfile_refusesWhatDockerRefuses_withEperm() {
    assertThat(dockerDefault.run(X64, 250)).isEqualTo(EPERM); // keyctl
    assertThat(dockerDefault.run(X64, 248)).isEqualTo(EPERM); // add_key
    assertThat(dockerDefault.run(X64, 272)).isEqualTo(EPERM); // unshare
    assertThat(dockerDefault.run(X64, 321)).isEqualTo(EPERM); // bpf
    assertThat(dockerDefault.run(X64, 165)).isEqualTo(EPERM); // mount
    assertThat(dockerDefault.run(X64, 246)).isEqualTo(EPERM); // kexec_load
    assertThat(dockerDefault.run(BpfInterpreter.AUDIT_I386, 288)).isEqualTo(EPERM); // i386 keyctl
  }

  @Test
  void clone_withoutSysAdmin_onlyWithoutNamespaceFlags_andClone3IsEnosys() {
    assertThat(dockerDefault.run(X64, 56, SIGCHLD)).isEqualTo(ALLOW);
    assertThat(dockerDefault.run(X64, 56, SIGCHLD | CLONE_NEWUSER)).isEqualTo(EPERM);
    assertThat(dockerDefault.run(X64, 56, 0x1_0000_0000L | SIGCHLD))
        .isEqualTo(ALLOW); // high word outside the mask
    assertThat(dockerDefault.run(X64, 435)).isEqualTo(ENOSYS);
  }

  @Test
  void personality_andSocket_argumentFilters() {
    for (long allowed : new long[] {0, 8, 0x20000, 0x20008, 0xffffffffL}) {
      assertThat(dockerDefault.run(X64, 135, allowed))
          .as("personality 0x%x", allowed)
          .isEqualTo(ALLOW);
    }
    assertThat(dockerDefault.run(X64, 135, 0x0040000)).isEqualTo(EPERM); // ADDR_NO_RANDOMIZE
    assertThat(dockerDefault.run(X64, 135, 0x1_0000_0000L)).isEqualTo(EPERM);
    assertThat(dockerDefault.run(X64, 41, 2)).isEqualTo(ALLOW); // AF_INET
    assertThat(dockerDefault.run(X64, 41, 38)).isEqualTo(EPERM); // AF_ALG
    assertThat(dockerDefault.run(X64, 41, 39)).isEqualTo(ALLOW);
    assertThat(dockerDefault.run(X64, 41, 40)).isEqualTo(EPERM); // AF_VSOCK
    assertThat(dockerDefault.run(X64, 41, 44)).isEqualTo(ALLOW);
    assertThat(dockerDefault.run(BpfInterpreter.AUDIT_I386, 359, 40))
        .isEqualTo(EPERM); // i386 socket
  }

  @Test
  void numbersNewerThanTheProfile_getEnosys_otherArchitecturesAreKilled() {
    assertThat(dockerDefault.run(X64, 470)).isEqualTo(ENOSYS);
    assertThat(dockerDefault.run(X64, 1000)).isEqualTo(ENOSYS);
    assertThat(dockerDefault.run(X64, 0xffffffffL))
        .isEqualTo(ENOSYS); // syscall(-1): x32 range, above its last
    assertThat(dockerDefault.run(BpfInterpreter.AUDIT_I386, 470)).isEqualTo(ENOSYS);
    assertThat(dockerDefault.run(BpfInterpreter.AUDIT_AARCH64, 63)).isEqualTo(KILL);
  }

  @Test
  void capabilities_openTheirSyscalls() {
    BpfInterpreter admin = filter(union(DOCKER_CAPS, "CAP_SYS_ADMIN"));
    assertThat(admin.run(X64, 272)).isEqualTo(ALLOW); // unshare
    assertThat(admin.run(X64, 56, CLONE_NEWUSER)).isEqualTo(ALLOW);
    assertThat(admin.run(X64, 435)).isEqualTo(ALLOW); // clone3
    assertThat(admin.run(X64, 250)).isEqualTo(EPERM); // keyctl: never
    BpfInterpreter ptrace = filter(union(DOCKER_CAPS, "CAP_SYS_PTRACE"));
    assertThat(ptrace.run(X64, 312)).isEqualTo(ALLOW); // kcmp
    assertThat(dockerDefault.run(X64, 312)).isEqualTo(EPERM);
    assertThat(dockerDefault.run(X64, 101)).isEqualTo(ALLOW); // ptrace: kernel >= 4.8
    assertThat(filter(union(DOCKER_CAPS, "CAP_BPF")).run(X64, 321)).isEqualTo(ALLOW);
  }

  @Test
  void program_fitsTheKernelLimit_andDispatchesInFewSteps() {
    assertThat(dockerDefault.instructions()).isBetween(100, 1000);
  }

  @Test
  void permissiveDefault_getsNoEnosysStub() {
    SeccompProfile p = ProfileText.parse("default allow\nerrno EPERM keyctl\n");
    BpfInterpreter f =
        new BpfInterpreter(SeccompFilters.compile(p, Set.of(), SeccompArch.X86_64, KERNEL));
    assertThat(f.run(X64, 250)).isEqualTo(EPERM);
    assertThat(f.run(X64, 1000)).isEqualTo(ALLOW);
    assertThat(f.run(X64, X32_BIT)).isEqualTo(KILL); // x32 not listed: a bad arch, as libseccomp
  }

  @Test
  void conditions_coverEveryComparison_onBothWords() {
    SeccompProfile p =
        ProfileText.parse(
            String.join(
                "\n",
                "default errno EPERM",
                "allow read if arg0 > 0x100000000",
                "allow write if arg1 <= 5",
                "allow open if arg0 != 7 and arg2 >= 3",
                "allow close if arg0 & 0xff00000000 == 0x100000000",
                ""));
    BpfInterpreter f =
        new BpfInterpreter(SeccompFilters.compile(p, Set.of(), SeccompArch.X86_64, KERNEL));
    assertThat(f.run(X64, 0, 0x100000001L)).isEqualTo(ALLOW);
    assertThat(f.run(X64, 0, 0x100000000L)).isEqualTo(EPERM);
    assertThat(f.run(X64, 0, 0xffffffffL)).isEqualTo(EPERM);
    assertThat(f.run(X64, 1, 0, 5)).isEqualTo(ALLOW);
    assertThat(f.run(X64, 1, 0, 6)).isEqualTo(EPERM);
    assertThat(f.run(X64, 1, 0, 0x100000000L)).isEqualTo(EPERM);
    assertThat(f.run(X64, 2, 8, 0, 3)).isEqualTo(ALLOW);
    assertThat(f.run(X64, 2, 7, 0, 3)).isEqualTo(EPERM);
    assertThat(f.run(X64, 2, 8, 0, 2)).isEqualTo(EPERM);
    assertThat(f.run(X64, 3, 0x1000000ffL)).isEqualTo(ALLOW);
    assertThat(f.run(X64, 3, 0x2000000ffL)).isEqualTo(EPERM);
  }

  private static Set<String> union(Set<String> a, String b) {
    java.util.Set<String> out = new java.util.HashSet<>(a);
    out.add(b);
    return out;
  }
}
