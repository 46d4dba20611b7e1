package dev.jcompose.netmgr.state;

import dev.jcompose.netmgr.api.PortBinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written JSON mapping of the state records (vertx-core carries no databind). */
final class StateCodec {
  private StateCodec() {}

  static JsonObject toJson(NetworkRecord n) {
    return new JsonObject()
        .put("name", n.name())
        .put("bridge", n.bridge())
        .put("subnet", n.subnet())
        .put("ipRange", n.ipRange())
        .put("gateway", n.gateway())
        .put("internal", n.internal())
        .put("mtu", n.mtu())
        .put("labels", new JsonObject(new LinkedHashMap<>(n.labels())));
  }

  static NetworkRecord network(JsonObject j) {
    Map<String, String> labels = new LinkedHashMap<>();
    j.getJsonObject("labels", new JsonObject())
        .forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    return new NetworkRecord(
        j.getString("name"),
        j.getString("bridge"),
        j.getString("subnet"),
        j.getString("ipRange"),
        j.getString("gateway"),
        j.getBoolean("internal", false),
        j.getInteger("mtu", 1500),
        labels);
  }

  static JsonObject toJson(EndpointRecord e) {
    return new JsonObject()
        .put("containerId", e.containerId())
        .put("networkName", e.networkName())
        .put("hostIf", e.hostIf())
        .put("ifName", e.ifName())
        .put("ipv4Address", e.ipv4Address())
        .put("prefixLength", e.prefixLength())
        .put("gateway", e.gateway())
        .put("macAddress", e.macAddress())
        .put("dnsNames", new JsonArray(List.copyOf(e.dnsNames())))
        .put("dnsServers", new JsonArray(List.copyOf(e.dnsServers())));
  }

  static EndpointRecord endpoint(JsonObject j) {
    return new EndpointRecord(
        j.getString("containerId"),
        j.getString("networkName"),
        j.getString("hostIf"),
        j.getString("ifName"),
        j.getString("ipv4Address"),
        j.getInteger("prefixLength"),
        j.getString("gateway"),
        j.getString("macAddress"),
        strings(j.getJsonArray("dnsNames")),
        strings(j.getJsonArray("dnsServers")));
  }

  static JsonArray toJson(List<PortBinding> ports) {
    return new JsonArray(
        ports.stream()
            .map(
                p ->
                    new JsonObject()
                        .put("hostIp", p.hostIp())
                        .put("hostPort", p.hostPort())
                        .put("containerIp", p.containerIp())
                        .put("containerPort", p.containerPort())
                        .put("protocol", p.protocol()))
            .toList());
  }

  static List<PortBinding> ports(JsonArray a) {
    return a.stream()
        .map(JsonObject.class::cast)
        .map(
            j ->
                new PortBinding(
                    j.getString("hostIp"),
                    j.getInteger("hostPort"),
                    j.getString("containerIp"),
                    j.getInteger("containerPort"),
                    j.getString("protocol")))
        .toList();
  }

  private static List<String> strings(JsonArray a) {
    return a == null ? List.of() : a.stream().map(String::valueOf).toList();
  }
}
