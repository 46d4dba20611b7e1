package dev.jcompose.runtime.seccomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading both profile formats, and the errors a user's profile gets. */
class ProfileFormatsTest {

  @Test
  void json_oldSingleNameAndErrnoRet_areRead() {
    SeccompProfile p =
        ProfileJson.parse(
                """
        {"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_MIPS"],
         "syscalls": [{"name": "chmod", "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
                      {"names": ["kill"], "action": "SCMP_ACT_KILL_PROCESS",
                       "args": [{"index": 1, "value": 9, "op": "SCMP_CMP_EQ"}]}]}
        """)
            .orElseThrow();

    assertThat(p.defaultAction()).isEqualTo(SeccompAction.ALLOW);
    assertThat(p.architectures()).containsExactly(SeccompArch.X86_64);
    assertThat(p.rules().get(0).names()).containsExactly("chmod");
    assertThat(p.rules().get(0).action()).isEqualTo(SeccompAction.errno(13));
    assertThat(p.rules().get(1).args())
        .containsExactly(new ArgCondition(1, ArgCondition.Op.EQ, 9, 0));
  }

  @Test
  void json_withoutDefaultActionOrRules_disablesSeccomp_likeMoby() {
    assertThat(ProfileJson.parse("{}")).isEmpty();
  }

  @Test
  void json_errors_nameThePlace_notTheContent() {
    assertThatThrownBy(() -> ProfileJson.parse("root:x:0:0:root:/root:/bin/bash\n"))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("not valid JSON (line 1")
        .hasMessageNotContaining("root");
    assertThatThrownBy(
            () ->
                ProfileJson.parse(
                    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"],"
                        + " \"action\": \"SCMP_ACT_NOTIFY\"}]}"))
        .hasMessage("syscalls[0]: action SCMP_ACT_NOTIFY needs a seccomp agent; jcompose has none");
    assertThatThrownBy(() -> ProfileJson.parse("{\"defaultAction\": \"SCMP_ACT_BOGUS\"}"))
        .hasMessageContaining("SCMP_ACT_BOGUS");
    assertThatThrownBy(
            () ->
                ProfileJson.parse(
                    "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"read\"],"
                        + " \"action\": \"SCMP_ACT_ERRNO\", \"args\": [{\"index\": 6, \"op\": \"SCMP_CMP_EQ\"}]}]}"))
        .hasMessageContaining("index 6");
  }

  @Test
  void text_statementsAndContinuations() {
    SeccompProfile p =
        ProfileText.parse(
            """
        # comment
        default errno EPERM
        arch amd64: x86 x32
        allow read write
          close   # continued
        errno ENOSYS clone3  unless cap CAP_SYS_ADMIN
        allow ptrace  when kernel 4.8  when arch amd64
        """);

    assertThat(p.archMap().get(SeccompArch.X86_64))
        .containsExactly(SeccompArch.X86, SeccompArch.X32);
    assertThat(p.rules().get(0).names()).containsExactly("read", "write", "close");
    assertThat(p.rules().get(1).excludes().caps()).containsExactly("CAP_SYS_ADMIN");
    assertThat(p.rules().get(2).includes())
        .isEqualTo(new RuleFilter(List.of(), List.of("amd64"), new RuleFilter.KernelVersion(4, 8)));
  }

  @Test
  void text_errors_nameTheLine() {
    assertThatThrownBy(() -> ProfileText.parse("default errno EPERM\nallow read if argX == 1\n"))
        .hasMessage("line 2: expected arg0..arg5, got argX");
    assertThatThrownBy(() -> ProfileText.parse("allow read\n"))
        .hasMessage("no `default` statement");
    assertThatThrownBy(() -> ProfileText.parse("default errno EPERM\npermit read\n"))
        .hasMessage("line 2: unknown action or statement \"permit\"");
  }
}
