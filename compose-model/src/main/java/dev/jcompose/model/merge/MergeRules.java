package dev.jcompose.model.merge;

import dev.jcompose.model.tree.TreePath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-path merge rules of compose-go override/merge.go (spec 13-merge.md). Paths not listed use
 * the default: mappings merge key by key, sequences append, scalars are replaced.
 */
final class MergeRules {
  private final Map<TreePath, MergeStrategy> rules = new LinkedHashMap<>();

  MergeRules(TreeMerger m) {
    MergeStrategy toSequence = Sequences::mergeToSequence;
    MergeStrategy replace = (base, override, path) -> override;
    for (String p :
        new String[] {
          "networks.*.labels",
          "volumes.*.labels",
          "services.*.annotations",
          "services.*.build.args",
          "services.*.build.additional_contexts",
          "services.*.build.labels",
          "services.*.deploy.labels",
          "services.*.dns",
          "services.*.dns_opt",
          "services.*.dns_search",
          "services.*.env_file",
          "services.*.label_file",
          "services.*.environment",
          "services.*.labels",
          "services.*.volumes.*.volume.labels",
          "services.*.sysctls",
          "services.*.tmpfs"
        }) {
      rules.put(TreePath.of(p), toSequence);
    }
    for (String p :
        new String[] {
          "services.*.command", "services.*.entrypoint", "services.*.healthcheck.test"
        }) {
      rules.put(TreePath.of(p), replace);
    }
    rules.put(TreePath.of("services.*.extra_hosts"), Sequences::mergeExtraHosts);
    rules.put(TreePath.of("services.*.build.extra_hosts"), Sequences::mergeExtraHosts);
    rules.put(TreePath.of("services.*.build"), m::mergeBuild);
    rules.put(TreePath.of("services.*.depends_on"), m::mergeDependsOn);
    rules.put(TreePath.of("services.*.networks"), m::mergeAsMappings);
    rules.put(TreePath.of("services.*.models"), m::mergeAsMappings);
    rules.put(TreePath.of("services.*.logging"), m::mergeLogging);
    rules.put(TreePath.of("services.*.ulimits.*"), m::mergeUlimit);
    rules.put(TreePath.of("networks.*.ipam.config"), m::mergeIpamConfig);
  }

  Optional<MergeStrategy> at(TreePath path) {
    for (var e : rules.entrySet()) {
      if (path.matches(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
