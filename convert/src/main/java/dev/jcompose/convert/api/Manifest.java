package dev.jcompose.convert.api;

import dev.jcompose.model.output.YamlWriter;
import java.util.Locale;
import java.util.Map;

/**
 * One Kubernetes object as an ordered map (apiVersion, kind, metadata, then its body), the way
 * {@code kubectl apply -f} reads it.
 */
public record Manifest(Map<String, Object> object) {

  public String kind() {
    return (String) object.get("kind");
  }

  @SuppressWarnings("unchecked")
  public String name() {
    return (String) ((Map<String, Object>) object.get("metadata")).get("name");
  }

  /**
   * {@code <name>-<kind>.yaml}, e.g. {@code web-deployment.yaml}: one file per object, as Kompose
   * names them.
   */
  public String fileName() {
    return name() + "-" + kind().toLowerCase(Locale.ROOT) + ".yaml";
  }

  public String yaml() {
    return YamlWriter.write(object);
  }
}
