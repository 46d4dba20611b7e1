package dev.jcompose.model.validate;

import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Walks a typed {@link Project} and applies {@link NameRules}, {@link ValueRules}, {@link
 * MountRules} and {@link KernelRules} to every name and value that reaches the host: the loader
 * runs it after typing (and turns the first problem's path into file:line:column), the engine's API
 * runs it on every project it receives. Sections in name order, so the problem reported first is
 * deterministic.
 */
public final class InputChecks {
  private final List<InputProblem> problems = new ArrayList<>();

  private InputChecks() {}

  /** Every problem of {@code p}, in a stable order. */
  public static List<InputProblem> of(Project p) {
    InputChecks c = new InputChecks();
    c.check(List.of("name"), NameRules.project(p.name()));
    // A project decoded from an API request may hold nulls the loader never makes.
    new TreeMap<>(orEmpty(p.networks()))
        .forEach((k, n) -> c.present("networks", k, n).ifPresent(x -> c.network(k, x)));
    new TreeMap<>(orEmpty(p.volumes()))
        .forEach((k, v) -> c.present("volumes", k, v).ifPresent(x -> c.volume(k, x)));
    new TreeMap<>(orEmpty(p.configs()))
        .forEach(
            (k, v) ->
                c.present("configs", k, v)
                    .ifPresent(x -> c.fileRef("configs", "config", k, x.name(), x.labels())));
    new TreeMap<>(orEmpty(p.secrets()))
        .forEach(
            (k, v) ->
                c.present("secrets", k, v)
                    .ifPresent(x -> c.fileRef("secrets", "secret", k, x.name(), x.labels())));
    new TreeMap<>(orEmpty(p.services()))
        .forEach(
            (name, s) ->
                c.present("services", name, s)
                    .ifPresent(x -> new ServiceInputs(name, x, c::check).run()));
    return List.copyOf(c.problems);
  }

  /** The first problem, if any. */
  public static Optional<InputProblem> first(Project p) {
    return of(p).stream().findFirst();
  }

  private void network(String key, Network n) {
    List<String> at = List.of("networks", key);
    check(at, NameRules.key("network", key));
    check(path(at, "name"), NameRules.network(n.name()));
    labels(at, n.labels());
    if (n.ipam() != null && n.ipam().config() != null) {
      for (int i = 0; i < n.ipam().config().size(); i++) {
        Network.IpamPool pool = n.ipam().config().get(i);
        List<String> poolAt = path(at, "ipam", "config", String.valueOf(i));
        check(
            path(poolAt, "subnet"),
            pool.subnet() == null ? null : ValueRules.cidr("subnet", pool.subnet()));
        check(
            path(poolAt, "ip_range"),
            pool.ipRange() == null ? null : ValueRules.cidr("ip_range", pool.ipRange()));
        check(
            path(poolAt, "gateway"),
            pool.gateway() == null ? null : ValueRules.ip("gateway", pool.gateway()));
        if (pool.auxAddresses() != null) {
          pool.auxAddresses()
              .forEach(
                  (name, ip) ->
                      check(path(poolAt, "aux_addresses", name), ValueRules.ip("aux_address", ip)));
        }
      }
    }
  }

  private void volume(String key, Volume v) {
    List<String> at = List.of("volumes", key);
    check(at, NameRules.key("volume", key));
    check(path(at, "name"), NameRules.volume(v.name()));
    labels(at, v.labels());
  }

  private void fileRef(
      String section, String what, String key, String name, Map<String, String> labels) {
    List<String> at = List.of(section, key);
    check(at, NameRules.key(what, key));
    check(path(at, "name"), name == null ? null : NameRules.key(what, name));
    labels(at, labels);
  }

  private void labels(List<String> at, Map<String, String> labels) {
    orEmpty(labels)
        .forEach(
            (k, v) -> {
              check(path(at, "labels", k), ValueRules.labelKey(k));
              check(path(at, "labels", k), ValueRules.noNul("label " + Quoted.of(k), v));
            });
  }

  private <T> Optional<T> present(String section, String key, T value) {
    check(List.of(section, key), value == null ? "no definition" : null);
    return Optional.ofNullable(value);
  }

  private void check(List<String> path, String problem) {
    if (problem != null) {
      problems.add(new InputProblem(path, problem));
    }
  }

  static List<String> path(List<String> base, String... more) {
    List<String> p = new ArrayList<>(base);
    p.addAll(List.of(more));
    return p;
  }

  static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
