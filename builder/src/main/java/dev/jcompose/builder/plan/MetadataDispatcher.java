package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.ShellLex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions that only change the image config (CMD, ENTRYPOINT, SHELL, USER, EXPOSE, VOLUME,
 * STOPSIGNAL, HEALTHCHECK, ONBUILD, MAINTAINER). Returns the history text of each.
 */
final class MetadataDispatcher {
  private static final Pattern PORT =
      Pattern.compile("^(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGNAL = Pattern.compile("^(?:SIG)?[A-Z0-9+-]+$|^\\d+$");
  private final ImageConfigEditor config;
  private final UnaryOperator<String> expand;
  private final ShellLex lex;
  private final Supplier<Map<String, String>> env;

  MetadataDispatcher(
      ImageConfigEditor config,
      UnaryOperator<String> expand,
      ShellLex lex,
      Supplier<Map<String, String>> env) {
    this.config = config;
    this.expand = expand;
    this.lex = lex;
    this.env = env;
  }

  String apply(Instruction i) {
    if (i instanceof Instruction.Cmd c) {
      List<String> cmd = withShell(c.command());
      config.setCmd(cmd);
      return "CMD " + json(cmd);
    }
    if (i instanceof Instruction.Entrypoint e) {
      List<String> ep = withShell(e.command());
      config.setEntrypoint(ep.isEmpty() ? null : ep);
      return "ENTRYPOINT " + json(ep);
    }
    if (i instanceof Instruction.Shell s) {
      config.setShell(s.shell());
      return "SHELL " + s.shell();
    }
    if (i instanceof Instruction.User u) {
      String user = expand.apply(u.user());
      config.setUser(user);
      return "USER " + user;
    }
    if (i instanceof Instruction.Expose e) {
      return expose(e);
    }
    if (i instanceof Instruction.Volume v) {
      return volume(v);
    }
    if (i instanceof Instruction.StopSignal s) {
      String signal = expand.apply(s.signal());
      if (!SIGNAL.matcher(signal).matches()) {
        throw new IllegalArgumentException("Invalid signal: " + signal);
      }
      config.setStopSignal(signal);
      return "STOPSIGNAL " + signal;
    }
    if (i instanceof Instruction.Healthcheck h) {
      config.setHealthcheck(
          h.test(),
          h.intervalNanos(),
          h.timeoutNanos(),
          h.startPeriodNanos(),
          h.startIntervalNanos(),
          h.retries());
      return "HEALTHCHECK " + h.test();
    }
    if (i instanceof Instruction.Onbuild o) {
      config.addOnbuild(o.expression());
      return "ONBUILD " + o.expression();
    }
    if (i instanceof Instruction.Maintainer m) {
      config.setAuthor(m.name());
      return "MAINTAINER " + m.name();
    }
    throw new IllegalStateException("not a metadata instruction: " + i);
  }

  /** Shell form runs through SHELL (default {@code /bin/sh -c}), exec form as written. */
  private List<String> withShell(Instruction.CommandLine c) {
    if (!c.prependShell()) {
      return c.args();
    }
    List<String> out = new ArrayList<>(config.shell());
    out.add(String.join(" ", c.args()));
    return out;
  }

  private String expose(Instruction.Expose e) {
    List<String> ports = new ArrayList<>();
    for (String p : e.ports()) {
      for (String word : lex.process(p, env.get()).words()) {
        Matcher m = PORT.matcher(word);
        if (!m.matches()) {
          throw new IllegalArgumentException("invalid containerPort: " + word);
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        String proto = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(java.util.Locale.ROOT);
        for (int port = from; port <= to; port++) {
          config.addExposedPort(port + "/" + proto);
          ports.add(port + "/" + proto);
        }
      }
    }
    return "EXPOSE " + ports;
  }

  private String volume(Instruction.Volume v) {
    List<String> paths = new ArrayList<>();
    for (String p : v.paths()) {
      String path = expand.apply(p);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("VOLUME specified can not be an empty string");
      }
      config.addVolume(path);
      paths.add(path);
    }
    return "VOLUME " + paths;
  }

  static String json(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(java.util.stream.Collectors.joining(" ", "[", "]"));
  }
}
