package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.Conversion;
import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.convert.api.Manifest;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.SourceMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One conversion: decides names and workload kinds for every service first (waits and Services
 * refer to other services), then converts each service in name order, adds the claims, configs,
 * secrets and the waiting pods' account, and sorts the manifests by file name.
 */
public final class ProjectConversion {
  private ProjectConversion() {}

  public static Conversion run(
      Project project, Map<String, Object> canonical, SourceMap sources, ConvertOptions options) {
    Findings findings = new Findings(sources);
    Map<String, Service> services = new TreeMap<>(project.services());
    Context ctx =
        new Context(
            project,
            canonical,
            options,
            findings,
            names(services, findings),
            kinds(canonical, services, findings));
    List<Manifest> out = new ArrayList<>();
    Set<String> referenced = referenced(services);
    for (Service s : services.values()) {
      out.addAll(ServiceConversion.of(ctx, s, referenced));
      Coverage.check(ctx, s);
    }
    out.addAll(VolumeClaims.of(ctx));
    out.addAll(FileRefs.objects(ctx));
    if (Waits.any(project)) {
      out.addAll(Waits.rbac(ctx));
    }
    return new Conversion(unique(out, findings), findings.all());
  }

  /**
   * Object names by service: valid Service names, unique (a clash gets a numeric suffix, in service
   * name order).
   */
  private static Map<String, String> names(Map<String, Service> services, Findings findings) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    services
        .keySet()
        .forEach(
            service -> {
              String base = Names.label(service);
              String name = base;
              for (int i = 2; used.contains(name); i++) {
                name =
                    Names.label(
                        base.substring(0, Math.min(base.length(), Names.LABEL_MAX - 4)) + "-" + i);
              }
              used.add(name);
              names.put(service, name);
              if (!name.equals(service)) {
                findings.report(
                    "\""
                        + service
                        + "\" is not a valid Kubernetes name; its objects and DNS name are \""
                        + name
                        + "\" (clients that dial \""
                        + service
                        + "\" need the new name)",
                    "services",
                    service);
              }
            });
    return names;
  }

  private static Map<String, WorkloadKind> kinds(
      Map<String, Object> canonical, Map<String, Service> services, Findings findings) {
    Set<String> awaited = new HashSet<>();
    services
        .values()
        .forEach(
            s ->
                s.lifecycle()
                    .dependsOn()
                    .forEach(
                        (dep, d) -> {
                          if ("service_completed_successfully".equals(d.condition())) {
                            awaited.add(dep);
                          }
                        }));
    Map<String, WorkloadKind> kinds = new LinkedHashMap<>();
    services
        .values()
        .forEach(
            s -> {
              WorkloadKind kind =
                  WorkloadKind.of(
                      s,
                      Context.at(canonical, "services", s.name(), "deploy"),
                      awaited.contains(s.name()),
                      findings);
              if (kind == WorkloadKind.JOB
                  && awaited.contains(s.name())
                  && Restarts.restartsAfterSuccess(s)) {
                findings.report(
                    "another service waits for this one to complete, so it runs once as a Job; restarting it is not kept",
                    Restarts.attribute(s, findings));
              }
              kinds.put(s.name(), kind);
            });
    return kinds;
  }

  /** Services other services reach by name: depends_on targets and links. */
  private static Set<String> referenced(Map<String, Service> services) {
    Set<String> out = new TreeSet<>();
    services
        .values()
        .forEach(
            s -> {
              out.addAll(s.lifecycle().dependsOn().keySet());
              s.networking().links().forEach(l -> out.add(l.service()));
            });
    return out;
  }

  /**
   * Sorted by file name; a second object of the same kind and name (e.g. a config named like a
   * service's env) is reported and left out.
   */
  private static List<Manifest> unique(List<Manifest> manifests, Findings findings) {
    Map<String, Manifest> byFile = new TreeMap<>();
    for (Manifest m : manifests) {
      if (byFile.putIfAbsent(m.fileName(), m) != null) {
        findings.report(
            "two objects would be named " + m.kind() + " " + m.name() + "; the second is left out",
            "services");
      }
    }
    return byFile.values().stream().sorted(Comparator.comparing(Manifest::fileName)).toList();
  }
}
