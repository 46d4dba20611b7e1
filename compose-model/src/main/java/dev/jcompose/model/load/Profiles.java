package dev.jcompose.model.load;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Profile selection as compose-go's types/project.go does it (WithProfiles, WithServicesEnabled).
 *
 * <p>A service without {@code profiles} is always enabled; one with profiles is enabled when one of
 * them is active or {@code *} is active. Services named explicitly ({@code up svc}) are enabled and
 * their profiles become active (which may enable more services); dependencies are NOT enabled
 * implicitly, exactly as compose-go (a required dependency on a disabled service is a consistency
 * error the validator reports).
 */
public final class Profiles {
  private Profiles() {}

  /** Enabled and disabled services of a tree; {@code enabled} is a copy of the tree. */
  public record Split(
      MapNode enabled, LinkedHashMap<String, Node> disabled, List<String> profiles) {}

  /**
   * Splits {@code services} of {@code tree} by the active profiles and explicitly selected
   * services.
   */
  public static Split split(MapNode tree, Collection<String> active, Collection<String> selected) {
    MapNode services = tree.get("services") instanceof MapNode m ? m : null;
    List<String> profiles = new ArrayList<>(active);
    if (services != null) {
      for (String name : selected) {
        if (services.get(name) != null && !isEnabled(services.get(name), profiles)) {
          profiles.addAll(profilesOf(services.get(name)));
        }
      }
    }
    MapNode copy = tree.shallowCopy();
    LinkedHashMap<String, Node> disabled = new LinkedHashMap<>();
    if (services != null) {
      MapNode kept = services.shallowCopy();
      for (var e : services.entries().entrySet()) {
        if (!isEnabled(e.getValue(), profiles)) {
          disabled.put(e.getKey(), e.getValue());
          kept.entries().remove(e.getKey());
        }
      }
      copy.entries().put("services", kept);
    }
    return new Split(copy, disabled, List.copyOf(new LinkedHashSet<>(profiles)));
  }

  /** compose-go HasProfile: no profiles = always; {@code *} enables all. */
  public static boolean isEnabled(Node service, Collection<String> active) {
    Set<String> own = profilesOf(service);
    if (own.isEmpty() || active.contains("*")) {
      return true;
    }
    return active.stream().anyMatch(own::contains);
  }

  static Set<String> profilesOf(Node service) {
    Set<String> out = new LinkedHashSet<>();
    if (service instanceof MapNode m && m.get("profiles") instanceof ListNode l) {
      for (Node n : l.items()) {
        if (n instanceof ScalarNode s && s.value() != null) {
          out.add(String.valueOf(s.value()));
        }
      }
    }
    return out;
  }
}
