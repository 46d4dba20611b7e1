package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security contexts from {@code user}, {@code group_add}, {@code cap_add}/{@code cap_drop}, {@code
 * privileged}, {@code read_only}, {@code sysctls} and the {@code security_opt} entries that have a
 * field: no-new-privileges, seccomp=unconfined, apparmor. Docker resolves user and group names in
 * the image's /etc/passwd at start; Kubernetes takes numeric ids only, so names are reported.
 * Capability names lose docker's optional {@code CAP_} prefix, which Kubernetes' CRI runtimes add
 * themselves.
 */
final class SecurityContexts {
  private SecurityContexts() {}

  static Map<String, Object> container(Service s, Findings findings) {
    Map<String, Object> sc = new java.util.LinkedHashMap<>();
    user(s, sc, findings);
    Obj.put(
        sc,
        "capabilities",
        Obj.of(
            "add",
            capabilities(s.security().capAdd()),
            "drop",
            capabilities(s.security().capDrop())));
    if (s.security().privileged()) {
      sc.put("privileged", true);
    }
    if (s.security().readOnly()) {
      sc.put("readOnlyRootFilesystem", true);
    }
    securityOpts(s, sc, findings);
    return sc;
  }

  static Map<String, Object> pod(Service s, Findings findings) {
    List<Long> groups = new ArrayList<>();
    for (String g : s.process().groupAdd()) {
      if (g.matches("\\d+")) {
        groups.add(Long.valueOf(g));
      } else {
        findings.report(
            "group \"" + g + "\" is a name; Kubernetes takes numeric group ids only; not converted",
            Context.path(s, "group_add"));
      }
    }
    List<Map<String, Object>> sysctls = new ArrayList<>();
    new TreeMap<>(s.security().sysctls())
        .forEach((k, v) -> sysctls.add(Obj.of("name", k, "value", v)));
    return Obj.of("supplementalGroups", groups, "sysctls", sysctls);
  }

  private static void user(Service s, Map<String, Object> sc, Findings findings) {
    String user = s.process().user();
    if (user == null || user.isEmpty()) {
      return;
    }
    String[] parts = user.split(":", 2);
    if (!parts[0].matches("\\d+") || (parts.length == 2 && !parts[1].matches("\\d+"))) {
      findings.report(
          "user \""
              + user
              + "\" names a user or group; Kubernetes takes numeric ids only (runAsUser, runAsGroup); not converted",
          Context.path(s, "user"));
      return;
    }
    sc.put("runAsUser", Long.valueOf(parts[0]));
    if (parts.length == 2) {
      sc.put("runAsGroup", Long.valueOf(parts[1]));
    }
  }

  private static List<String> capabilities(List<String> caps) {
    List<String> out = new ArrayList<>();
    for (String c : caps) {
      String name = c.toUpperCase(Locale.ROOT);
      out.add(name.startsWith("CAP_") ? name.substring(4) : name);
    }
    return out;
  }

  private static void securityOpts(Service s, Map<String, Object> sc, Findings findings) {
    List<String> opts = s.security().securityOpt();
    for (int i = 0; i < opts.size(); i++) {
      String[] kv = opts.get(i).split("[=:]", 2);
      String value = kv.length > 1 ? kv[1] : "";
      String[] path = Context.path(s, "security_opt", String.valueOf(i));
      switch (kv[0]) {
        case "no-new-privileges" -> noNewPrivileges(s, value, sc, findings, path);
        case "seccomp" -> profile(sc, "seccompProfile", value, findings, path);
        case "apparmor" -> profile(sc, "appArmorProfile", value, findings, path);
        default ->
            findings.report(
                "security option \"" + opts.get(i) + "\" has no Kubernetes field; not converted",
                path);
      }
    }
  }

  private static void noNewPrivileges(
      Service s, String value, Map<String, Object> sc, Findings findings, String[] path) {
    if (value.equals("false")) {
      return;
    }
    // the API server rejects allowPrivilegeEscalation: false together with privileged or
    // CAP_SYS_ADMIN
    List<String> added = capabilities(s.security().capAdd());
    if (s.security().privileged() || added.contains("SYS_ADMIN") || added.contains("ALL")) {
      findings.report(
          "no-new-privileges cannot be combined with privileged or SYS_ADMIN in Kubernetes; not converted",
          path);
      return;
    }
    sc.put("allowPrivilegeEscalation", false);
  }

  private static void profile(
      Map<String, Object> sc, String field, String value, Findings findings, String[] path) {
    if (value.equals("unconfined")) {
      sc.put(field, Obj.of("type", "Unconfined"));
    } else if (field.equals("appArmorProfile") && !value.isEmpty()) {
      sc.put(field, Obj.of("type", "Localhost", "localhostProfile", value));
    } else {
      findings.report(
          "a profile file of the host has no Kubernetes equivalent (profiles live on the nodes); not converted",
          path);
    }
  }
}
