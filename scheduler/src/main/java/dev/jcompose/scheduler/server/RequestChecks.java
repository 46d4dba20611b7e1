package dev.jcompose.scheduler.server;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.validate.InputChecks;
import dev.jcompose.model.validate.NameRules;
import dev.jcompose.model.validate.ValueRules;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.wire.Requests;
import java.util.List;
import java.util.Map;

/**
 * What the API checks before it runs anything: the engine does not trust its client, so every name
 * in a path and every project in a body passes the loader's rules again ({@link InputChecks}); a
 * refused request is answered 400 with the attribute and the reason, and nothing is created.
 */
final class RequestChecks {
  private RequestChecks() {}

  static void projectName(String name) {
    refuse(NameRules.project(name));
  }

  static void containerName(String name) {
    refuse(NameRules.container(name));
  }

  static void serviceName(String name) {
    if (name == null) {
      throw invalid("request names no service");
    }
    refuse(NameRules.key("service", name));
  }

  static void networkName(String name) {
    refuse(ValueRules.noNul("network", name));
  }

  /**
   * The decoded body of {@code verb} on {@code project} (the name in the path, already checked).
   */
  static void body(String project, Object body) {
    if (body == null) {
      throw invalid("request has no body");
    }
    if (body instanceof Requests.Up up) {
      project(project, up.project());
      upOptions(up.options());
    } else if (body instanceof Requests.Run run) {
      project(project, run.project());
      runOptions(run.options());
    } else if (body instanceof Requests.Down down) {
      if (down.project() != null) {
        project(project, down.project());
      }
      String rmi = down.options() == null ? null : down.options().removeImages();
      if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
        throw invalid("invalid --rmi '" + rmi + "': use local or all");
      }
    } else if (body instanceof Requests.Services s) {
      orEmpty(s.services()).forEach(RequestChecks::serviceName);
    } else if (body instanceof Requests.Start s && s.options() != null) {
      orEmpty(s.options().services()).forEach(RequestChecks::serviceName);
    } else if (body instanceof Requests.Kill k && k.options() != null) {
      orEmpty(k.options().services()).forEach(RequestChecks::serviceName);
      refuse(ValueRules.noNul("signal", k.options().signal()));
    } else if (body instanceof Requests.Remove r && r.options() != null) {
      orEmpty(r.options().services()).forEach(RequestChecks::serviceName);
    }
  }

  private static void project(String inPath, Project p) {
    if (p == null) {
      throw invalid("request has no project");
    }
    if (!inPath.equals(p.name())) {
      throw invalid(
          "project in path is '" + inPath + "', but the request body is for '" + p.name() + "'");
    }
    InputChecks.first(p)
        .ifPresent(
            problem -> {
              throw invalid("invalid project " + p.name() + ": " + problem);
            });
  }

  private static void upOptions(UpOptions o) {
    if (o == null) {
      throw invalid("request has no options");
    }
    orEmpty(o.services()).forEach(s -> refuse(NameRules.key("service", s)));
    orEmpty(o.scale())
        .forEach(
            (s, n) -> {
              refuse(NameRules.key("service", s));
              if (n == null || n < 0) {
                throw invalid("scale of " + s + " must be 0 or more");
              }
            });
  }

  private static void runOptions(RunOptions o) {
    if (o == null || o.service() == null) {
      throw invalid("request has no service to run");
    }
    refuse(NameRules.key("service", o.service()));
    if (o.name() != null && !o.name().isEmpty()) {
      refuse(NameRules.container(o.name()));
    }
    orEmpty(o.environment())
        .forEach(
            (k, v) -> {
              refuse(ValueRules.envKey(k));
              refuse(ValueRules.noNul("environment variable " + k, v));
            });
    orEmpty(o.command()).forEach(a -> refuse(ValueRules.noNul("command", a)));
    refuse(ValueRules.noNul("user", o.user()));
    refuse(ValueRules.noNul("entrypoint", o.entrypoint()));
    if (o.workdir() != null && !o.workdir().isEmpty() && !o.workdir().startsWith("/")) {
      throw invalid(
          "the working directory '"
              + o.workdir()
              + "' is invalid, it needs to be an absolute path");
    }
  }

  private static void refuse(String problem) {
    if (problem != null) {
      throw invalid(problem);
    }
  }

  private static ComposeException invalid(String message) {
    return new ComposeException(ComposeException.Kind.INVALID, message);
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
    return m == null ? Map.of() : m;
  }
}
