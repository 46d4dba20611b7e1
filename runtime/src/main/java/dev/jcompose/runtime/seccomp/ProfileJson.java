package dev.jcompose.runtime.seccomp;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.seccomp.ArgCondition.Op;
import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a profile in docker's JSON format ({@code security_opt: [seccomp=FILE]}; moby
 * profiles/seccomp Seccomp + runtime-spec LinuxSeccomp): defaultAction, defaultErrnoRet,
 * architectures or archMap, flags, and syscalls with names (or the old single name), action,
 * errnoRet, args, includes, excludes and comment. Architectures jcompose does not know are skipped.
 */
public final class ProfileJson {
  private ProfileJson() {}

  /**
   * The profile, or empty when it disables seccomp (no default action and no rules, as moby's
   * setupSeccomp decides). Parse errors name the JSON position, never the file's content.
   */
  public static Optional<SeccompProfile> parse(String text) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (JsonException e) {
      throw new ProfileException(
          "not valid JSON"
              + (e.line() == 0 ? "" : " (line " + e.line() + ", column " + e.column() + ")"));
    }
    if (!root.isObject()) {
      throw new ProfileException("a seccomp profile must be a JSON object");
    }
    String defaultAction = root.path("defaultAction").asText("");
    JsonNode syscalls = root.path("syscalls");
    if (defaultAction.isEmpty() && syscalls.size() == 0) {
      return Optional.empty();
    }
    if (defaultAction.isEmpty()) {
      throw new ProfileException("defaultAction is missing");
    }
    if (root.path("architectures").size() > 0 && root.path("archMap").size() > 0) {
      throw new ProfileException(
          "both 'architectures' and 'archMap' are specified, use either 'architectures' or 'archMap'");
    }
    checkFlags(root.path("flags"));
    SeccompAction dflt =
        SeccompAction.parseOci(defaultAction, integer(root.path("defaultErrnoRet")));
    return Optional.of(
        new SeccompProfile(
            dflt,
            archMap(root.path("archMap")),
            arches(root.path("architectures")),
            rules(syscalls)));
  }

  private static void checkFlags(JsonNode flags) {
    for (JsonNode f : flags) {
      if (!f.asText()
          .equals("SECCOMP_FILTER_FLAG_TSYNC")) { // a single-threaded init: TSYNC changes nothing
        throw new ProfileException("seccomp flag " + f.asText() + " is not supported");
      }
    }
  }

  private static Map<SeccompArch, List<SeccompArch>> archMap(JsonNode map) {
    Map<SeccompArch, List<SeccompArch>> out = new LinkedHashMap<>();
    for (JsonNode entry : map) {
      SeccompArch.byName(entry.path("architecture").asText())
          .ifPresent(a -> out.put(a, arches(entry.path("subArchitectures"))));
    }
    return out;
  }

  private static List<SeccompArch> arches(JsonNode list) {
    List<SeccompArch> out = new ArrayList<>();
    list.forEach(n -> SeccompArch.byName(n.asText()).ifPresent(out::add));
    return out;
  }

  private static List<SeccompRule> rules(JsonNode syscalls) {
    List<SeccompRule> out = new ArrayList<>();
    for (int i = 0; i < syscalls.size(); i++) {
      try {
        out.add(rule(syscalls.path(i)));
      } catch (ProfileException e) {
        throw new ProfileException("syscalls[" + i + "]: " + e.getMessage());
      }
    }
    return out;
  }

  private static SeccompRule rule(JsonNode r) {
    List<String> names = strings(r.path("names"));
    if (r.hasNonNull("name")) {
      if (!names.isEmpty()) {
        throw new ProfileException(
            "both 'name' and 'names' are specified, use either 'name' or 'names'");
      }
      names = List.of(r.get("name").asText());
    }
    SeccompAction action =
        SeccompAction.parseOci(r.path("action").asText(""), integer(r.path("errnoRet")));
    List<ArgCondition> args = new ArrayList<>();
    for (JsonNode a : r.path("args")) {
      args.add(
          new ArgCondition(
              a.path("index").asInt(),
              Op.parseOci(a.path("op").asText("")),
              a.path("value").asLong(),
              a.path("valueTwo").asLong()));
    }
    return new SeccompRule(
        names, action, args, filter(r.path("includes")), filter(r.path("excludes")));
  }

  private static RuleFilter filter(JsonNode f) {
    if (f.isMissingNode() || f.isNull()) {
      return RuleFilter.NONE;
    }
    String kernel = f.path("minKernel").asText("");
    return new RuleFilter(
        strings(f.path("caps")),
        strings(f.path("arches")),
        kernel.isEmpty() ? null : KernelVersion.parse(kernel));
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Integer integer(JsonNode n) {
    return n.isNumber() ? n.asInt() : null;
  }
}
