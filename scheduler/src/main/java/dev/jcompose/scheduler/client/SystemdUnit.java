package dev.jcompose.scheduler.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The systemd unit of the engine. {@code KillMode=process}: stopping or restarting the unit must
 * signal only the engine, never the container monitors it spawned (they live in the unit's cgroup
 * too); the engine exits 143 on SIGTERM, which is a clean stop.
 */
final class SystemdUnit {
  private static final List<String> PASSED_ENV =
      List.of(
          "JCOMPOSE_DATA_ROOT",
          "JCOMPOSE_RUN_ROOT",
          "JCOMPOSE_REGISTRY_MIRRORS",
          "JCOMPOSE_ENGINE_JAVA_OPTS");

  private SystemdUnit() {}

  static String render(Map<String, String> env) {
    String exec =
        EngineLauncher.engineCommand(env, false).stream()
            .map(SystemdUnit::quote)
            .collect(Collectors.joining(" "));
    StringBuilder sb = new StringBuilder();
    sb.append("[Unit]\n")
        .append("Description=jcompose engine (runs and supervises compose projects)\n")
        .append("After=network-online.target local-fs.target\n")
        .append("Wants=network-online.target\n\n")
        .append("[Service]\n")
        .append("Type=simple\n")
        .append("Environment=MALLOC_ARENA_MAX=2\n");
    for (String key : PASSED_ENV) {
      if (env.containsKey(key)) {
        sb.append("Environment=").append(quote(key + "=" + env.get(key))).append('\n');
      }
    }
    sb.append("ExecStart=")
        .append(exec)
        .append('\n')
        .append("KillMode=process\n")
        .append("SuccessExitStatus=143\n")
        .append("Restart=on-failure\n")
        .append("RestartSec=2\n")
        .append("Delegate=yes\n\n")
        .append("[Install]\n")
        .append("WantedBy=multi-user.target\n");
    return sb.toString();
  }

  /** systemd's quoting: words with spaces or quotes go in double quotes with escapes. */
  private static String quote(String word) {
    if (!word.isEmpty()
        && word.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\\' || c == '\'')) {
      return word;
    }
    return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
