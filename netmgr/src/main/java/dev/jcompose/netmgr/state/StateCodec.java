package dev.jcompose.netmgr.state;

import dev.jcompose.netmgr.api.PortBinding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written JSON mapping of the state records (vertx-core carries no databind). Reads the state
 * of earlier versions too: a network without {@code pools} had one IPv4 pool in {@code
 * subnet}/{@code ipRange}/{@code gateway} and was a bridge with default options.
 */
final class StateCodec {
  private StateCodec() {}

  static JsonObject toJson(NetworkRecord n) {
    return new JsonObject()
        .put("name", n.name())
        .put("driver", n.driver())
        .put("bridge", n.bridge())
        .put("parent", n.parent())
        .put("standInParent", n.standInParent())
        .put("pools", new JsonArray(n.pools().stream().map(StateCodec::toJson).toList()))
        .put("internal", n.internal())
        .put("mtu", n.mtu())
        .put("options", toJson(n.options()))
        .put("labels", new JsonObject(new LinkedHashMap<>(n.labels())));
  }

  static NetworkRecord network(JsonObject j) {
    List<PoolRecord> pools =
        j.containsKey("pools")
            ? j.getJsonArray("pools").stream()
                .map(JsonObject.class::cast)
                .map(StateCodec::pool)
                .toList()
            : List.of(
                new PoolRecord(
                    j.getString("subnet"),
                    j.getString("ipRange"),
                    j.getString("gateway"),
                    Map.of(),
                    null));
    return new NetworkRecord(
        j.getString("name"),
        j.getString("driver", NetworkRecord.BRIDGE),
        j.getString("bridge"),
        j.getString("parent"),
        j.getBoolean("standInParent", false),
        pools,
        j.getBoolean("internal", false),
        j.getInteger("mtu", 1500),
        options(j.getJsonObject("options")),
        strings(j.getJsonObject("labels")));
  }

  private static JsonObject toJson(PoolRecord p) {
    return new JsonObject()
        .put("subnet", p.subnet())
        .put("ipRange", p.ipRange())
        .put("gateway", p.gateway())
        .put("auxAddresses", new JsonObject(new LinkedHashMap<>(p.auxAddresses())))
        .put("defaultGateway", p.defaultGateway());
  }

  private static PoolRecord pool(JsonObject j) {
    return new PoolRecord(
        j.getString("subnet"),
        j.getString("ipRange"),
        j.getString("gateway"),
        strings(j.getJsonObject("auxAddresses")),
        j.getString("defaultGateway"));
  }

  private static JsonObject toJson(DriverOptions o) {
    return new JsonObject()
        .put("icc", o.icc())
        .put("masquerade", o.masquerade())
        .put("hostBindingIpv4", o.hostBindingIpv4())
        .put("inhibitIpv4", o.inhibitIpv4())
        .put("ifacePrefix", o.ifacePrefix())
        .put("gatewayMode4", o.gatewayMode4())
        .put("gatewayMode6", o.gatewayMode6())
        .put("hostIpv4", o.hostIpv4())
        .put("hostIpv6", o.hostIpv6())
        .put("parent", o.parent())
        .put("vlanMode", o.vlanMode())
        .put("ipvlanFlag", o.ipvlanFlag());
  }

  private static DriverOptions options(JsonObject j) {
    if (j == null) {
      return DriverOptions.DEFAULTS;
    }
    DriverOptions d = DriverOptions.DEFAULTS;
    return new DriverOptions(
        j.getBoolean("icc", d.icc()),
        j.getBoolean("masquerade", d.masquerade()),
        j.getString("hostBindingIpv4"),
        j.getBoolean("inhibitIpv4", false),
        j.getString("ifacePrefix", d.ifacePrefix()),
        j.getString("gatewayMode4", d.gatewayMode4()),
        j.getString("gatewayMode6", d.gatewayMode6()),
        j.getString("hostIpv4"),
        j.getString("hostIpv6"),
        j.getString("parent"),
        j.getString("vlanMode"),
        j.getString("ipvlanFlag"));
  }

  static JsonObject toJson(EndpointRecord e) {
    JsonObject j =
        new JsonObject()
            .put("containerId", e.containerId())
            .put("networkName", e.networkName())
            .put("hostIf", e.hostIf())
            .put("ifName", e.ifName())
            .put("ipv4Address", e.ipv4Address())
            .put("prefixLength", e.prefixLength())
            .put("gateway", e.gateway())
            .put("macAddress", e.macAddress())
            .put("dnsNames", new JsonArray(List.copyOf(e.dnsNames())))
            .put("dnsServers", new JsonArray(List.copyOf(e.dnsServers())))
            .put("netns", e.netns());
    if (e.v6() != null) {
      j.put(
          "ipv6",
          new JsonObject()
              .put("address", e.v6().address())
              .put("prefixLength", e.v6().prefixLength())
              .put("gateway", e.v6().gateway()));
    }
    return j;
  }

  static EndpointRecord endpoint(JsonObject j) {
    JsonObject v6 = j.getJsonObject("ipv6");
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
        strings(j.getJsonArray("dnsServers")),
        v6 == null
            ? null
            : new EndpointRecord.V6(
                v6.getString("address"), v6.getInteger("prefixLength"), v6.getString("gateway")),
        j.getString("netns"));
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

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o != null) {
      o.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return out;
  }
}
