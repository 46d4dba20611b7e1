package dev.jcompose.model.normalize;

import static dev.jcompose.model.normalize.Canon.bool;
import static dev.jcompose.model.normalize.Canon.mapOrEmpty;
import static dev.jcompose.model.normalize.Canon.str;
import static dev.jcompose.model.normalize.Canon.stringMap;

import dev.jcompose.model.api.Config;
import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Secret;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Derives the typed {@link Project} views from a validated canonical model. Stateless. */
public final class TypedProjectBuilder {
  private TypedProjectBuilder() {}

  /**
   * {@code lenient}: the model was not interpolated, values that do not parse are left unset.
   * {@code environment}: the project's (shell + .env), which secrets and configs may read from.
   */
  public static Project build(
      CanonicalProject canonical,
      Path workingDir,
      List<Path> composeFiles,
      boolean lenient,
      Map<String, String> environment) {
    TypedValues values = new TypedValues(canonical.source(), lenient);
    Map<String, Service> services = new LinkedHashMap<>();
    canonical
        .services()
        .forEach((name, s) -> services.put(name, TypedServices.service(name, s, values)));
    return new Project(
        (String) canonical.model().get("name"),
        workingDir,
        List.copyOf(composeFiles),
        Collections.unmodifiableMap(services),
        each(canonical, "networks", TypedProjectBuilder::network),
        each(
            canonical,
            "volumes",
            (k, v) ->
                new Volume(
                    k,
                    str(v.get("name")),
                    str(v.get("driver")),
                    stringMap(v.get("driver_opts")),
                    bool(v.get("external")),
                    stringMap(v.get("labels")))),
        each(
            canonical,
            "secrets",
            (k, v) ->
                new Secret(
                    k,
                    str(v.get("name")),
                    str(v.get("file")),
                    str(v.get("environment")),
                    bool(v.get("external")),
                    stringMap(v.get("labels")),
                    v.get("environment") == null
                        ? null
                        : environment.get(str(v.get("environment"))))),
        each(
            canonical,
            "configs",
            (k, v) ->
                new Config(
                    k,
                    str(v.get("name")),
                    str(v.get("file")),
                    str(v.get("environment")),
                    str(v.get("content")),
                    bool(v.get("external")),
                    stringMap(v.get("labels")),
                    v.get("environment") == null
                        ? null
                        : environment.get(str(v.get("environment"))))));
  }

  private static <T> Map<String, T> each(
      CanonicalProject c, String section, BiFunction<String, Map<String, Object>, T> f) {
    Map<String, T> out = new LinkedHashMap<>();
    c.section(section).forEach((k, v) -> out.put(k, f.apply(k, v)));
    return Collections.unmodifiableMap(out);
  }

  private static Network network(String key, Map<String, Object> n) {
    Map<String, Object> ipam = mapOrEmpty(n.get("ipam"));
    List<Network.IpamPool> pools = new ArrayList<>();
    for (Object o : Canon.list(ipam.get("config"))) {
      Map<String, Object> p = mapOrEmpty(o);
      pools.add(
          new Network.IpamPool(
              str(p.get("subnet")),
              str(p.get("ip_range")),
              str(p.get("gateway")),
              stringMap(p.get("aux_addresses"))));
    }
    return new Network(
        key,
        str(n.get("name")),
        str(n.get("driver")),
        stringMap(n.get("driver_opts")),
        bool(n.get("external")),
        bool(n.get("internal")),
        bool(n.get("attachable")),
        Canon.boolOrNull(n.get("enable_ipv6")),
        new Network.Ipam(str(ipam.get("driver")), pools, stringMap(ipam.get("options"))),
        stringMap(n.get("labels")));
  }
}
