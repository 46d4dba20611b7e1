package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code post_start} and {@code pre_stop} as the container's lifecycle hooks: Kubernetes runs a
 * postStart handler right after the container is created and a preStop handler before it sends the
 * stop signal, as compose runs these hooks. A container has one handler of each, running as the
 * container's user, so only a lone hook with a command converts; further hooks and a hook's own
 * user, privileges, working directory or environment are reported. The typed model does not carry
 * hooks: they come from the canonical form.
 */
final class Hooks {
  private Hooks() {}

  static Map<String, Object> lifecycle(Context ctx, Service s) {
    Map<String, Object> canonical = ctx.canonical(s);
    return Obj.of(
        "postStart",
        handler(ctx, s, canonical.get("post_start"), "post_start"),
        "preStop",
        handler(ctx, s, canonical.get("pre_stop"), "pre_stop"));
  }

  private static Map<String, Object> handler(
      Context ctx, Service s, Object hooks, String attribute) {
    List<Map<String, Object>> list = hooks instanceof List<?> l ? castList(l) : List.of();
    if (list.isEmpty()) {
      return null;
    }
    if (list.size() > 1) {
      ctx.findings()
          .report(
              "a container has one "
                  + attribute
                  + " handler in Kubernetes; only the first hook is converted",
              Context.path(s, attribute));
    }
    Map<String, Object> hook = list.get(0);
    for (String extra : List.of("user", "privileged", "working_dir", "environment")) {
      if (hook.get(extra) != null
          && !(hook.get(extra) instanceof Map<?, ?> m && m.isEmpty())
          && !Boolean.FALSE.equals(hook.get(extra))) {
        ctx.findings()
            .report(
                "a hook's "
                    + extra
                    + " has no Kubernetes field (the handler runs like the container); not converted",
                Context.path(s, attribute, "0", extra));
      }
    }
    List<String> command = new ArrayList<>();
    if (hook.get("command") instanceof List<?> c) {
      c.forEach(a -> command.add(String.valueOf(a)));
    }
    return command.isEmpty() ? null : Obj.of("exec", Obj.of("command", command));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castList(List<?> l) {
    return l.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
  }
}
