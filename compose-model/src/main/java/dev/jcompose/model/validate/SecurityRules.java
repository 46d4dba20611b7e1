package dev.jcompose.model.validate;

import dev.jcompose.model.api.DeviceCgroupRule;
import dev.jcompose.model.api.SecurityOptions;
import dev.jcompose.model.normalize.CanonicalProject;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Marks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code security_opt} and {@code device_cgroup_rules} of every service: what docker refuses is an
 * error at {@code file:line}; what docker applies and jcompose cannot (AppArmor, SELinux labels) is
 * a warning, never silently dropped. A seccomp profile file must exist (it is read at create time).
 */
final class SecurityRules {
  private SecurityRules() {}

  /** Throws on the first invalid entry; returns the warnings, services in name order. */
  static List<String> check(CanonicalProject project, Path projectDir) {
    MapNode src = project.source();
    List<String> warnings = new ArrayList<>();
    new TreeMap<>(project.services())
        .forEach(
            (name, s) -> {
              warnings.addAll(securityOpt(name, s, projectDir, src));
              deviceRules(name, s, src);
            });
    return warnings;
  }

  private static List<String> securityOpt(
      String name, Map<String, Object> s, Path projectDir, MapNode src) {
    List<?> opts = s.get("security_opt") instanceof List<?> l ? l : List.of();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < opts.size(); i++) {
      String opt = String.valueOf(opts.get(i));
      SecurityOptions parsed;
      try {
        parsed = SecurityOptions.parse(List.of(opt));
      } catch (IllegalArgumentException e) {
        throw Marks.error(
            src,
            "services." + name + ".security_opt: " + e.getMessage(),
            "services",
            name,
            "security_opt",
            String.valueOf(i));
      }
      String where = Marks.where(src, "services", name, "security_opt", String.valueOf(i));
      parsed
          .notApplied()
          .forEach(
              o ->
                  warnings.add(
                      where
                          + "services."
                          + name
                          + ".security_opt: \""
                          + o
                          + "\" is not applied: jcompose has no AppArmor, SELinux or cgroup-writable mode; the container runs without it"));
      if (!parsed.defaultSeccomp()
          && !parsed.seccomp().equals(SecurityOptions.UNCONFINED)
          && !Files.isRegularFile(projectDir.resolve(parsed.seccomp()))) {
        throw Marks.error(
            src,
            "services."
                + name
                + ".security_opt: seccomp profile "
                + projectDir.resolve(parsed.seccomp())
                + " does not exist",
            "services",
            name,
            "security_opt",
            String.valueOf(i));
      }
    }
    return warnings;
  }

  private static void deviceRules(String name, Map<String, Object> s, MapNode src) {
    List<?> rules = s.get("device_cgroup_rules") instanceof List<?> l ? l : List.of();
    for (int i = 0; i < rules.size(); i++) {
      if (!DeviceCgroupRule.valid(String.valueOf(rules.get(i)))) {
        throw Marks.error(
            src,
            "services."
                + name
                + ".device_cgroup_rules: invalid device cgroup rule \""
                + rules.get(i)
                + "\" (expected \"<a|b|c> <major|*>:<minor|*> <rwm>\", e.g. \"c 1:3 rwm\")",
            "services",
            name,
            "device_cgroup_rules",
            String.valueOf(i));
      }
    }
  }
}
