package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.LoggingConfig;
import dev.jcompose.model.api.Service;
import dev.jcompose.model.normalize.ByteSizes;
import dev.jcompose.runtime.api.ContainerSpec.LogConfig;
import dev.jcompose.runtime.api.ContainerSpec.LogConfig.Driver;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code logging} to the runtime's {@link LogConfig}, with dockerd's rules:
 *
 * <ul>
 *   <li>no driver, or {@code json-file} (the engine's default driver): each option not given takes
 *       the engine's default ({@code max-size} 64m, {@code max-file} 3), as dockerd merges its
 *       daemon {@code log-opts} into a container using the default driver (daemon/logs.go
 *       mergeAndVerifyLogConfig); {@code compress} defaults to false;
 *   <li>{@code local}: 20 MiB x 5 files, compressed, unless set (daemon/logger/local/local.go);
 *   <li>{@code none}: nothing kept, {@code logs} refuses to read;
 *   <li>docker's validation messages for the options (logger/jsonfilelog ValidateLogOpt, New).
 * </ul>
 *
 * Other drivers are not available here: the support table warns about them and they fall back to
 * the default (null).
 */
public final class LogConfigConverter {
  static final long DEFAULT_MAX_SIZE = 64L << 20;
  static final int DEFAULT_MAX_FILE = 3;
  private static final Set<String> FILE_OPTS =
      Set.of(
          "max-size",
          "max-file",
          "compress",
          "labels",
          "labels-regex",
          "env",
          "env-regex",
          "tag",
          "mode",
          "max-buffer-size");

  private LogConfigConverter() {}

  /** null = the runtime's default. */
  public static LogConfig logConfig(Service s) {
    LoggingConfig l = s.logging();
    String driver =
        l == null || l.driver() == null || l.driver().isEmpty() ? "json-file" : l.driver();
    Map<String, String> opts = l == null || l.options() == null ? Map.of() : l.options();
    return switch (driver) {
      case "json-file" ->
          files(s, driver, Driver.JSON_FILE, opts, DEFAULT_MAX_SIZE, DEFAULT_MAX_FILE, false);
      case "local" -> files(s, driver, Driver.LOCAL, opts, 20L << 20, 5, true);
      case "none" -> new LogConfig(Driver.NONE, 0, 1, false);
      default -> null;
    };
  }

  private static LogConfig files(
      Service s,
      String driver,
      Driver kind,
      Map<String, String> opts,
      long size,
      int files,
      boolean compress) {
    for (String k : opts.keySet()) {
      if (!FILE_OPTS.contains(k)) {
        throw invalid(s, "unknown log opt '" + k + "' for " + driver + " log driver");
      }
    }
    long maxSize = opts.containsKey("max-size") ? maxSize(s, opts.get("max-size")) : size;
    int maxFile = opts.containsKey("max-file") ? maxFile(s, opts.get("max-file")) : files;
    boolean gzip = opts.containsKey("compress") ? bool(s, opts.get("compress")) : compress;
    if (gzip && (maxFile < 2 || maxSize <= 0)) {
      throw invalid(
          s, "compress cannot be true when max-file is less than 2 or max-size is not set");
    }
    return new LogConfig(kind, maxSize, maxFile, gzip);
  }

  private static long maxSize(Service s, String v) {
    try {
      long bytes = ByteSizes.parse(v);
      if (bytes <= 0) {
        throw invalid(s, "max-size must be a positive number");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw invalid(s, "invalid max-size '" + v + "': " + e.getMessage());
    }
  }

  private static int maxFile(Service s, String v) {
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1) {
        throw invalid(s, "max-file cannot be less than 1");
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(s, "invalid max-file '" + v + "'");
    }
  }

  private static boolean bool(Service s, String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "1", "t", "true" -> true;
      case "0", "f", "false" -> false;
      default -> throw invalid(s, "invalid compress '" + v + "'");
    };
  }

  private static ComposeException invalid(Service s, String message) {
    return new ComposeException(
        ComposeException.Kind.INVALID, "service \"" + s.name() + "\": logging: " + message);
  }
}
