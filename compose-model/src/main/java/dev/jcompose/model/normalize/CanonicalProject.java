package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.MapNode;
import java.util.List;
import java.util.Map;

/**
 * The result of normalisation.
 *
 * @param model the resolved model exactly as {@code docker compose config --format json} prints it:
 *     top-level keys in JSON (sorted) order, service attributes in compose-go struct order
 * @param source the merged source tree of the ENABLED services (for marks in later error messages)
 * @param disabledServices services switched off by profiles, by name
 * @param allProfiles every profile named by any service, sorted
 * @param warnings user-facing warnings of this stage
 */
public record CanonicalProject(
    Map<String, Object> model,
    MapNode source,
    List<String> disabledServices,
    List<String> allProfiles,
    List<String> warnings) {

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) model.get("services");
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> section(String name) {
    Object v = model.get(name);
    return v == null ? Map.of() : (Map<String, Map<String, Object>>) v;
  }
}
