package dev.jcompose.model.validate;

import static dev.jcompose.model.validate.ProjectValidator.INVALID;

import dev.jcompose.model.normalize.ByteSizesView;
import dev.jcompose.model.normalize.CanonicalProject;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Marks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * compose-go checkConsistency for one service, in compose-go's order, with compose-go's messages.
 */
final class ServiceRules {
  private ServiceRules() {}

  @SuppressWarnings("unchecked")
  static void check(String name, Map<String, Object> s, CanonicalProject p, MapNode src) {
    Map<String, Object> build = (Map<String, Object>) s.get("build");
    if (build == null && !s.containsKey("image") && !s.containsKey("provider")) {
      throw Marks.error(
          src,
          "service \"" + name + "\" has neither an image nor a build context specified" + INVALID,
          "services",
          name);
    }
    if (build != null
        && build.containsKey("dockerfile_inline")
        && build.containsKey("dockerfile")) {
      throw Marks.error(
          src,
          "service \""
              + name
              + "\" declares mutualy exclusive dockerfile and dockerfile_inline"
              + INVALID,
          "services",
          name,
          "build");
    }
    networks(name, s, p, src);
    healthcheck(name, s, src);
    dependencies(name, s, p, src);
    references(name, s, p, src);
    resources(name, s, src);
    mounts(name, s, src);
  }

  private static void networks(
      String name, Map<String, Object> s, CanonicalProject p, MapNode src) {
    Map<?, ?> nets = (Map<?, ?>) s.get("networks");
    if (s.containsKey("network_mode") && nets != null && !nets.isEmpty()) {
      throw Marks.error(
          src,
          "service "
              + name
              + " declares mutually exclusive `network_mode` and `networks`"
              + INVALID,
          "services",
          name,
          "network_mode");
    }
    if (nets != null) {
      for (Object net : nets.keySet()) {
        if (!p.section("networks").containsKey(net)) {
          throw Marks.error(
              src,
              "service \"" + name + "\" refers to undefined network " + net + INVALID,
              "services",
              name,
              "networks",
              (String) net);
        }
      }
    }
    if (s.get("network_mode") instanceof String mode
        && mode.startsWith("service:")
        && !p.services().containsKey(mode.substring(8))) {
      String ref = mode.substring(8);
      throw Marks.error(
          src,
          "service \"" + ref + "\" not found for network_mode 'service:" + ref + "'",
          "services",
          name,
          "network_mode");
    }
  }

  @SuppressWarnings("unchecked")
  private static void healthcheck(String name, Map<String, Object> s, MapNode src) {
    if (s.get("healthcheck") instanceof Map<?, ?> hc
        && hc.get("test") instanceof List<?> test
        && !test.isEmpty()
        && !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
      throw Marks.error(
          src,
          "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
          "services",
          name,
          "healthcheck",
          "test");
    }
  }

  @SuppressWarnings("unchecked")
  private static void dependencies(
      String name, Map<String, Object> s, CanonicalProject p, MapNode src) {
    if (!(s.get("depends_on") instanceof Map<?, ?> deps)) {
      return;
    }
    for (var e : ((Map<String, Map<String, Object>>) deps).entrySet()) {
      String dep = e.getKey();
      if (p.services().containsKey(dep)) {
        continue;
      }
      boolean optional = Boolean.FALSE.equals(e.getValue().get("required"));
      if (optional && p.disabledServices().contains(dep)) {
        continue;
      }
      throw Marks.error(
          src,
          "service \"" + name + "\" depends on undefined service \"" + dep + "\"" + INVALID,
          "services",
          name,
          "depends_on",
          dep);
    }
  }

  @SuppressWarnings("unchecked")
  private static void references(
      String name, Map<String, Object> s, CanonicalProject p, MapNode src) {
    List<Map<String, Object>> vols =
        (List<Map<String, Object>>) s.getOrDefault("volumes", List.of());
    for (int i = 0; i < vols.size(); i++) {
      Map<String, Object> v = vols.get(i);
      if ("volume".equals(v.get("type"))
          && v.get("source") != null
          && !p.section("volumes").containsKey(v.get("source"))) {
        throw Marks.error(
            src,
            "service \"" + name + "\" refers to undefined volume " + v.get("source") + INVALID,
            "services",
            name,
            "volumes",
            String.valueOf(i));
      }
    }
    refs(name, s, p, src, "configs", "config");
    refs(name, s, p, src, "secrets", "secret");
  }

  @SuppressWarnings("unchecked")
  private static void refs(
      String name,
      Map<String, Object> s,
      CanonicalProject p,
      MapNode src,
      String section,
      String what) {
    List<Map<String, Object>> refs = (List<Map<String, Object>>) s.getOrDefault(section, List.of());
    for (int i = 0; i < refs.size(); i++) {
      Object source = refs.get(i).get("source");
      if (!p.section(section).containsKey(source)) {
        throw Marks.error(
            src,
            "service \"" + name + "\" refers to undefined " + what + " " + source + INVALID,
            "services",
            name,
            section,
            String.valueOf(i));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void resources(String name, Map<String, Object> s, MapNode src) {
    Map<String, Object> deploy = (Map<String, Object>) s.get("deploy");
    Object replicas = deploy == null ? null : deploy.get("replicas");
    if (s.get("scale") != null && replicas != null && !s.get("scale").equals(replicas)) {
      throw Marks.error(
          src,
          "services."
              + name
              + ": can't set distinct values on 'scale' and 'deploy.replicas'"
              + INVALID,
          "services",
          name,
          "scale");
    }
    if (s.get("scale") instanceof Long l && l < 0) {
      throw Marks.error(
          src,
          "services." + name + ".scale: must be greater than or equal to 0",
          "services",
          name,
          "scale");
    }
    if (replicas instanceof Long l && l < 0) {
      throw Marks.error(
          src,
          "services." + name + ".deploy.replicas: must be greater than or equal to 0",
          "services",
          name,
          "deploy",
          "replicas");
    }
    Map<String, Object> resources =
        deploy == null ? null : (Map<String, Object>) deploy.get("resources");
    Map<String, Object> limits =
        resources == null ? null : (Map<String, Object>) resources.get("limits");
    Map<String, Object> reservations =
        resources == null ? null : (Map<String, Object>) resources.get("reservations");
    same(name, src, s.get("cpus"), limits, "cpus", "cpus", "deploy.resources.limits.cpus");
    same(
        name,
        src,
        s.get("mem_limit"),
        limits,
        "memory",
        "mem_limit",
        "deploy.resources.limits.memory");
    same(
        name,
        src,
        s.get("mem_reservation"),
        reservations,
        "memory",
        "mem_reservation",
        "deploy.resources.reservations.memory");
    same(
        name,
        src,
        s.get("pids_limit"),
        limits,
        "pids",
        "pids_limit",
        "deploy.resources.limits.pids");
    long scale = s.get("scale") instanceof Long l ? l : replicas instanceof Long r ? r : 1;
    if (scale > 1 && s.containsKey("container_name")) {
      String attr = s.containsKey("scale") ? "scale" : "deploy.replicas";
      // compose-go swaps the two arguments in this message; we print the service name where it
      // belongs
      throw Marks.error(
          src,
          "services."
              + name
              + ": can't set container_name and "
              + attr
              + " as container name must be unique"
              + INVALID,
          "services",
          name,
          "container_name");
    }
  }

  private static void same(
      String name,
      MapNode src,
      Object value,
      Map<String, Object> section,
      String key,
      String attr,
      String deployAttr) {
    if (value == null || section == null) {
      return;
    }
    Object other = section.get(key);
    boolean equal =
        other != null && Objects.equals(ByteSizesView.number(value), ByteSizesView.number(other));
    if (!equal) {
      throw Marks.error(
          src,
          "services."
              + name
              + ": can't set distinct values on '"
              + attr
              + "' and '"
              + deployAttr
              + "'"
              + INVALID,
          "services",
          name,
          attr);
    }
  }

  @SuppressWarnings("unchecked")
  private static void mounts(String name, Map<String, Object> s, MapNode src) {
    Map<String, String> mounts = new HashMap<>();
    List<String> tmpfs = (List<String>) s.getOrDefault("tmpfs", List.of());
    for (int i = 0; i < tmpfs.size(); i++) {
      mount(
          mounts,
          tmpfs.get(i).split(":", 2)[0],
          "services." + name + ".tmpfs[" + i + "]",
          src,
          name,
          "tmpfs");
    }
    List<Map<String, Object>> vols =
        (List<Map<String, Object>>) s.getOrDefault("volumes", List.of());
    for (int i = 0; i < vols.size(); i++) {
      mount(
          mounts,
          String.valueOf(vols.get(i).get("target")),
          "services." + name + ".volumes[" + i + "]",
          src,
          name,
          "volumes");
    }
  }

  private static void mount(
      Map<String, String> mounts,
      String target,
      String loc,
      MapNode src,
      String name,
      String attr) {
    String previous = mounts.putIfAbsent(target, loc);
    if (previous != null) {
      throw Marks.error(
          src,
          loc + ": target " + target + " already mounted as " + previous,
          "services",
          name,
          attr);
    }
  }
}
