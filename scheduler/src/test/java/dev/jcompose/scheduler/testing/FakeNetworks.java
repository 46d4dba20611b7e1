package dev.jcompose.scheduler.testing;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkManager;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory networks; endpoints get 10.9.0.N and DNS 127.0.0.11. */
public final class FakeNetworks implements NetworkManager {
  public final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();
  public final Map<String, List<AttachRequest>> attached = new ConcurrentHashMap<>();
  public final Map<String, List<PortBinding>> ports = new ConcurrentHashMap<>();
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger(2);

  @Override
  public void start() {}

  @Override
  public NetworkInfo create(NetworkSpec spec) {
    calls.add("create " + spec.name());
    return networks.computeIfAbsent(
        spec.name(),
        n ->
            new NetworkInfo(
                n,
                spec.driver().id(),
                "jcfake",
                "10.9.0.0/24",
                "10.9.0.1",
                null,
                null,
                spec.internal(),
                spec.labels()));
  }

  @Override
  public void remove(String networkName) {
    calls.add("remove " + networkName);
    networks.remove(networkName);
  }

  @Override
  public List<NetworkInfo> list() {
    return List.copyOf(networks.values());
  }

  @Override
  public Endpoint attach(AttachRequest r) {
    attached
        .computeIfAbsent(r.containerId(), k -> Collections.synchronizedList(new ArrayList<>()))
        .add(r);
    return new Endpoint(
        r.containerId(),
        r.networkName(),
        r.ifName() == null ? "eth" + attached.get(r.containerId()).size() : r.ifName(),
        "10.9.0." + next.getAndIncrement(),
        24,
        "10.9.0.1",
        null,
        "127.0.0.11",
        null,
        0,
        null);
  }

  @Override
  public void detach(String containerId, String networkName) {
    attached.remove(containerId);
  }

  @Override
  public void release(String containerId) {
    attached.remove(containerId);
    ports.remove(containerId);
  }

  @Override
  public String serveDns(String containerId, java.nio.file.Path netnsPath) {
    calls.add("dns " + containerId);
    return "127.0.0.11";
  }

  @Override
  public void publish(String containerId, List<PortBinding> p) {
    ports.put(containerId, p);
  }

  @Override
  public void unpublish(String containerId) {
    ports.remove(containerId);
  }

  @Override
  public List<PortBinding> published(String containerId) {
    return ports.getOrDefault(containerId, List.of());
  }

  @Override
  public List<Endpoint> endpoints(String networkName) {
    return attached.entrySet().stream()
        .flatMap(
            e ->
                e.getValue().stream()
                    .filter(r -> r.networkName().equals(networkName))
                    .map(
                        r ->
                            new Endpoint(
                                e.getKey(),
                                networkName,
                                r.ifName(),
                                "10.9.0.2",
                                24,
                                "10.9.0.1",
                                null,
                                "127.0.0.11",
                                null,
                                0,
                                null)))
        .toList();
  }

  @Override
  public void close() {}
}
