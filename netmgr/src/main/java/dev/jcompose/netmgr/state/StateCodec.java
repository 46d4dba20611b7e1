package dev.jcompose.netmgr.state;

import dev.jcompose.common.json.JsonNode;
import dev.jcompose.netmgr.api.PortBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written JSON mapping of the state records, on the common codec: ordered maps out (null
 * fields written as null, the shape the state file has always had), {@link JsonNode}s in. Reads the
 * state of earlier versions too: a network without {@code pools} had one IPv4 pool in {@code
 * subnet}/{@code ipRange}/{@code gateway} and was a bridge with default options.
 */
final class StateCodec {
  private StateCodec() {}

  static Map<String, Object> toJson(NetworkRecord n) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("name", n.name());
    j.put("driver", n.driver());
    j.put("bridge", n.bridge());
    j.put("parent", n.parent());
    j.put("standInParent", n.standInParent());
    j.put("pools", n.pools().stream().map(StateCodec::toJson).toList());
    j.put("internal", n.internal());
    j.put("mtu", n.mtu());
    j.put("options", toJson(n.options()));
    j.put("labels", new LinkedHashMap<>(n.labels()));
    return j;
  }

  static NetworkRecord network(JsonNode j) {
    List<PoolRecord> pools =
        j.has("pools")
            ? j.path("pools").elements().stream().map(StateCodec::pool).toList()
            : List.of(
                new PoolRecord(
                    text(j, "subnet"), text(j, "ipRange"), text(j, "gateway"), Map.of(), null));
    return new NetworkRecord(
        text(j, "name"),
        j.path("driver").asText(NetworkRecord.BRIDGE),
        text(j, "bridge"),
        text(j, "parent"),
        flag(j, "standInParent", false),
        pools,
        flag(j, "internal", false),
        j.path("mtu").asInt(1500),
        options(j.path("options")),
        strings(j.path("labels")));
  }

  private static Map<String, Object> toJson(PoolRecord p) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("subnet", p.subnet());
    j.put("ipRange", p.ipRange());
    j.put("gateway", p.gateway());
    j.put("auxAddresses", new LinkedHashMap<>(p.auxAddresses()));
    j.put("defaultGateway", p.defaultGateway());
    return j;
  }

  private static PoolRecord pool(JsonNode j) {
    return new PoolRecord(
        text(j, "subnet"),
        text(j, "ipRange"),
        text(j, "gateway"),
        strings(j.path("auxAddresses")),
        text(j, "defaultGateway"));
  }

  private static Map<String, Object> toJson(DriverOptions o) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("icc", o.icc());
    j.put("masquerade", o.masquerade());
    j.put("hostBindingIpv4", o.hostBindingIpv4());
    j.put("inhibitIpv4", o.inhibitIpv4());
    j.put("ifacePrefix", o.ifacePrefix());
    j.put("gatewayMode4", o.gatewayMode4());
    j.put("gatewayMode6", o.gatewayMode6());
    j.put("hostIpv4", o.hostIpv4());
    j.put("hostIpv6", o.hostIpv6());
    j.put("parent", o.parent());
    j.put("vlanMode", o.vlanMode());
    j.put("ipvlanFlag", o.ipvlanFlag());
    return j;
  }

  private static DriverOptions options(JsonNode j) {
    DriverOptions d = DriverOptions.DEFAULTS;
    if (!j.isObject()) {
      return d;
    }
    return new DriverOptions(
        flag(j, "icc", d.icc()),
        flag(j, "masquerade", d.masquerade()),
        text(j, "hostBindingIpv4"),
        flag(j, "inhibitIpv4", false),
        j.path("ifacePrefix").asText(d.ifacePrefix()),
        j.path("gatewayMode4").asText(d.gatewayMode4()),
        j.path("gatewayMode6").asText(d.gatewayMode6()),
        text(j, "hostIpv4"),
        text(j, "hostIpv6"),
        text(j, "parent"),
        text(j, "vlanMode"),
        text(j, "ipvlanFlag"));
  }

  static Map<String, Object> toJson(EndpointRecord e) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("containerId", e.containerId());
    j.put("networkName", e.networkName());
    j.put("hostIf", e.hostIf());
    j.put("ifName", e.ifName());
    j.put("ipv4Address", e.ipv4Address());
    j.put("prefixLength", e.prefixLength());
    j.put("gateway", e.gateway());
    j.put("macAddress", e.macAddress());
    j.put("dnsNames", List.copyOf(e.dnsNames()));
    j.put("dnsServers", List.copyOf(e.dnsServers()));
    j.put("netns", e.netns());
    if (e.v6() != null) {
      Map<String, Object> v6 = new LinkedHashMap<>();
      v6.put("address", e.v6().address());
      v6.put("prefixLength", e.v6().prefixLength());
      v6.put("gateway", e.v6().gateway());
      j.put("ipv6", v6);
    }
    return j;
  }

  static EndpointRecord endpoint(JsonNode j) {
    JsonNode v6 = j.path("ipv6");
    return new EndpointRecord(
        text(j, "containerId"),
        text(j, "networkName"),
        text(j, "hostIf"),
        text(j, "ifName"),
        text(j, "ipv4Address"),
        j.path("prefixLength").asInt(),
        text(j, "gateway"),
        text(j, "macAddress"),
        list(j.path("dnsNames")),
        list(j.path("dnsServers")),
        v6.isObject()
            ? new EndpointRecord.V6(
                text(v6, "address"), v6.path("prefixLength").asInt(), text(v6, "gateway"))
            : null,
        text(j, "netns"));
  }

  static List<Map<String, Object>> toJson(List<PortBinding> ports) {
    return ports.stream()
        .map(
            p -> {
              Map<String, Object> j = new LinkedHashMap<>();
              j.put("hostIp", p.hostIp());
              j.put("hostPort", p.hostPort());
              j.put("containerIp", p.containerIp());
              j.put("containerPort", p.containerPort());
              j.put("protocol", p.protocol());
              return j;
            })
        .toList();
  }

  static List<PortBinding> ports(JsonNode a) {
    return a.elements().stream()
        .map(
            j ->
                new PortBinding(
                    text(j, "hostIp"),
                    j.path("hostPort").asInt(),
                    text(j, "containerIp"),
                    j.path("containerPort").asInt(),
                    text(j, "protocol")))
        .toList();
  }

  /** A string field; null when absent or null, as the records expect for unset values. */
  static String text(JsonNode j, String key) {
    return j.path(key).asText(null);
  }

  static boolean flag(JsonNode j, String key, boolean otherwise) {
    JsonNode n = j.path(key);
    return n.isBoolean() ? n.asBoolean() : otherwise;
  }

  private static List<String> list(JsonNode a) {
    return a.elements().stream().map(JsonNode::asText).toList();
  }

  /** An object of strings; empty when absent. */
  static Map<String, String> strings(JsonNode o) {
    Map<String, String> out = new LinkedHashMap<>();
    o.fields().forEach((k, v) -> out.put(k, v.asText()));
    return out;
  }
}
