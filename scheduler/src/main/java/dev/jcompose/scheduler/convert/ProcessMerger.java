package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.Service;
import dev.jcompose.model.api.ServiceProcess;
import dev.jcompose.model.text.ShellWords;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a service's process settings over its image's config the way docker does: an {@code
 * entrypoint} set by the service resets the image CMD unless {@code command} is also set;
 * environment is the image env overlaid by the service's; working dir and user fall back to the
 * image.
 */
public final class ProcessMerger {
  static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ProcessMerger() {}

  /** entrypoint + cmd; fails INVALID when both are empty (docker: "no command specified"). */
  public static List<String> args(
      Service s, ImageConfig image, List<String> commandOverride, String entrypointOverride) {
    ServiceProcess p = s.process();
    List<String> entrypoint =
        entrypointOverride != null
            ? splitEntrypoint(entrypointOverride)
            : p.entrypoint() != null
                ? p.entrypoint()
                : nullToEmpty(image == null ? null : image.entrypoint());
    boolean entrypointReset = entrypointOverride != null || p.entrypoint() != null;
    List<String> cmd;
    if (commandOverride != null && !commandOverride.isEmpty()) {
      cmd = commandOverride;
    } else if (p.command() != null) {
      cmd = p.command();
    } else {
      cmd = entrypointReset ? List.of() : nullToEmpty(image == null ? null : image.cmd());
    }
    List<String> args = new ArrayList<>(entrypoint);
    args.addAll(cmd);
    if (args.isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "service \""
              + s.name()
              + "\": no command specified (neither the image nor the service sets entrypoint or command)");
    }
    return args;
  }

  /**
   * Image env overlaid by service env (then extra); PATH defaulted and HOSTNAME set as docker does.
   */
  public static List<String> env(
      ImageConfig image, Map<String, String> service, Map<String, String> extra, String hostname) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (hostname != null) {
      merged.put("HOSTNAME", hostname);
    }
    for (String kv : nullToEmpty(image == null ? null : image.env())) {
      int eq = kv.indexOf('=');
      merged.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }
    putAll(merged, service);
    putAll(merged, extra);
    List<String> out = new ArrayList<>();
    if (!merged.containsKey("PATH")) {
      out.add(DEFAULT_PATH);
    }
    merged.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  public static String cwd(ServiceProcess s, ImageConfig image, String override) {
    if (override != null && !override.isEmpty()) {
      return override;
    }
    if (s.workingDir() != null && !s.workingDir().isEmpty()) {
      return s.workingDir();
    }
    String fromImage = image == null ? null : image.workingDir();
    return fromImage == null || fromImage.isEmpty() ? "/" : fromImage;
  }

  /** Service user, else the image's, else null (root). */
  public static String user(ServiceProcess s, ImageConfig image, String override) {
    for (String u : new String[] {override, s.user(), image == null ? null : image.user()}) {
      if (u != null && !u.isEmpty()) {
        return u;
      }
    }
    return null;
  }

  private static void putAll(Map<String, String> target, Map<String, String> source) {
    if (source != null) {
      // A null value means "unset" in compose (KEY without value and not in the environment).
      source.forEach(
          (k, v) -> {
            if (v != null) {
              target.put(k, v);
            }
          });
    }
  }

  /**
   * {@code run --entrypoint}: split like a string entrypoint in the file (docker compose uses
   * shellwords).
   */
  private static List<String> splitEntrypoint(String e) {
    try {
      return ShellWords.split(e);
    } catch (IllegalArgumentException ex) {
      throw new ComposeException(
          ComposeException.Kind.INVALID, "--entrypoint " + e + ": " + ex.getMessage());
    }
  }

  private static List<String> nullToEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
