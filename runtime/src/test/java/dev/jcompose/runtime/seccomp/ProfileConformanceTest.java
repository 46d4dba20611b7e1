package dev.jcompose.runtime.seccomp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jcompose's default rules ({@code docker-default.rules}) against docker's own default.json (test
 * fixture, see resources/seccomp/README.md): for each architecture jcompose ships a table for and
 * for the capability sets that change docker's selection, both must select the same rules in the
 * same order and compile to the identical program.
 */
class ProfileConformanceTest {
  private static final KernelVersion KERNEL = new KernelVersion(6, 18);

  static Stream<Arguments> cases() {
    List<Set<String>> capSets =
        List.of(
            SeccompCompilerTest.DOCKER_CAPS,
            with("CAP_SYS_ADMIN"),
            with("CAP_SYS_PTRACE"),
            with("CAP_DAC_READ_SEARCH"),
            with(
                "CAP_SYS_BOOT",
                "CAP_SYS_MODULE",
                "CAP_SYS_PACCT",
                "CAP_SYS_RAWIO",
                "CAP_SYS_TIME",
                "CAP_SYS_TTY_CONFIG",
                "CAP_SYS_NICE",
                "CAP_SYSLOG",
                "CAP_BPF",
                "CAP_PERFMON"),
            Set.of());
    return Stream.of(SeccompArch.X86_64, SeccompArch.AARCH64)
        .flatMap(arch -> capSets.stream().map(caps -> Arguments.of(arch, caps)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void ownRules_selectAndCompileLikeDockersJson(SeccompArch arch, Set<String> caps)
      throws IOException {
    SeccompProfile docker = ProfileJson.parse(resource("/seccomp/moby-default.json")).orElseThrow();
    SeccompProfile ours = SeccompFilters.dockerDefault();

    FilterSpec expected = ProfileResolver.resolve(docker, caps, arch, KERNEL);
    FilterSpec actual = ProfileResolver.resolve(ours, caps, arch, KERNEL);

    assertThat(actual.defaultAction()).isEqualTo(expected.defaultAction());
    assertThat(actual.arches()).isEqualTo(expected.arches());
    assertThat(actual.rules()).containsExactlyElementsOf(expected.rules());
    assertThat(SeccompCompiler.compile(actual)).isEqualTo(SeccompCompiler.compile(expected));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oldKernel_dropsTheMinKernelRule_inBoth(SeccompArch arch, Set<String> caps)
      throws IOException {
    KernelVersion old = new KernelVersion(4, 4);
    SeccompProfile docker = ProfileJson.parse(resource("/seccomp/moby-default.json")).orElseThrow();
    assertThat(ProfileResolver.resolve(SeccompFilters.dockerDefault(), caps, arch, old).rules())
        .containsExactlyElementsOf(ProfileResolver.resolve(docker, caps, arch, old).rules());
  }

  private static Set<String> with(String... caps) {
    Set<String> out = new HashSet<>(SeccompCompilerTest.DOCKER_CAPS);
    out.addAll(List.of(caps));
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProfileConformanceTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
