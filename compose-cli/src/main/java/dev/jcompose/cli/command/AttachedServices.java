package dev.jcompose.cli.command;

import dev.jcompose.model.api.Service;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The services whose output an attached {@code up} prints, chosen as docker compose's {@code up}
 * does (cmd/compose/up.go): the services named by {@code --attach} when any, else the services in
 * {@code scope} (those {@code up} was asked for, with --attach-dependencies what they depend on)
 * that do not say {@code attach: false}; then less those named by {@code --no-attach}. Unattached
 * services still start, and {@code logs} shows them.
 */
final class AttachedServices {
  private AttachedServices() {}

  static Set<String> select(
      Collection<Service> services,
      Collection<String> scope,
      List<String> attach,
      List<String> noAttach) {
    Set<String> chosen = new LinkedHashSet<>(attach);
    if (chosen.isEmpty()) {
      for (Service s : services) {
        if (scope.contains(s.name()) && s.process().attach()) {
          chosen.add(s.name());
        }
      }
    }
    noAttach.forEach(chosen::remove);
    return chosen;
  }
}
