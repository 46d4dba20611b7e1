package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.ProcessSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a process's identity and environment the way docker does: user from the image's
 * passwd/group, env deduplicated keeping the last value, PATH defaulted, HOSTNAME and HOME added
 * when unset (moby daemon/oci_linux.go, container/env.go).
 */
final class IdentityFactory {
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private IdentityFactory() {}

  static ProcessIdentity forContainer(ContainerSpec spec, UserResolver users) {
    ProcessSpec p = spec.process();
    UserResolver.ResolvedUser u = users.resolve(p.user(), p.additionalGroups());
    long caps =
        spec.privileged()
            ? CapabilityMasks.all()
            : CapabilityMasks.mask(
                p.capabilities() == null ? CapabilityMasks.DOCKER_DEFAULT : p.capabilities());
    Map<String, String> extra = new LinkedHashMap<>();
    if (spec.hostname() != null) {
      extra.put("HOSTNAME", spec.hostname());
    }
    List<String> env = environment(p.env(), extra, u.home());
    String cwd = p.cwd() == null || p.cwd().isEmpty() ? "/" : p.cwd();
    return new ProcessIdentity(u.uid(), u.gid(), u.groups(), caps, p.noNewPrivileges(), env, cwd);
  }

  /** The identity of an exec: the container's unless the exec names a user, cwd or extra env. */
  static ProcessIdentity forExec(
      ProcessIdentity base, String user, String cwd, List<String> env, UserResolver users) {
    long uid = base.uid();
    long gid = base.gid();
    List<Long> groups = base.groups();
    if (user != null && !user.isEmpty()) {
      UserResolver.ResolvedUser u = users.resolve(user, List.of());
      uid = u.uid();
      gid = u.gid();
      groups = u.groups();
    }
    List<String> merged = new ArrayList<>(base.env());
    merged.addAll(env == null ? List.of() : env);
    String dir = cwd == null || cwd.isEmpty() ? base.cwd() : cwd;
    return new ProcessIdentity(
        uid,
        gid,
        groups,
        base.capabilities(),
        base.noNewPrivileges(),
        environment(merged, Map.of(), null),
        dir);
  }

  static List<String> environment(List<String> env, Map<String, String> defaults, String home) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("PATH", DEFAULT_PATH);
    vars.putAll(defaults);
    for (String e : env == null ? List.<String>of() : env) {
      int eq = e.indexOf('=');
      if (eq > 0 && e.indexOf('\0') < 0) {
        vars.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    if (!vars.containsKey("HOME") || vars.get("HOME").isEmpty()) {
      vars.put("HOME", home == null || home.isEmpty() ? "/" : home);
    }
    List<String> out = new ArrayList<>();
    vars.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }
}
