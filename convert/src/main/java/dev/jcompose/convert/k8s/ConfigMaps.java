package dev.jcompose.convert.k8s;

import dev.jcompose.model.api.Service;
import java.util.Map;

/** ConfigMap and Secret objects with the project's labels (and a service's, when one owns them). */
final class ConfigMaps {
  private ConfigMaps() {}

  static Map<String, Object> configMap(
      Context ctx,
      String name,
      Service owner,
      Map<String, Object> data,
      Map<String, Object> binary) {
    Map<String, Object> o = Obj.object("v1", "ConfigMap", metadata(ctx, name, owner));
    Obj.put(o, "data", data);
    Obj.put(o, "binaryData", binary);
    return o;
  }

  static Map<String, Object> secret(Context ctx, String name, Map<String, Object> data) {
    Map<String, Object> o = Obj.object("v1", "Secret", metadata(ctx, name, null));
    o.put("type", "Opaque");
    Obj.put(o, "data", data);
    return o;
  }

  static Map<String, Object> metadata(Context ctx, String name, Service owner) {
    Map<String, String> labels =
        owner == null
            ? Labels.project(ctx.project().name())
            : Labels.selector(ctx.project().name(), ctx.nameOf(owner.name()));
    if (owner != null) {
      labels.putAll(Labels.project(ctx.project().name()));
    }
    return Obj.of("name", name, "labels", labels);
  }
}
