package dev.jcompose.cli.command;

import dev.jcompose.model.api.Service;
import java.util.List;
import java.util.Map;

/** A service with only a name and an image, every other attribute unset. */
final class ServiceFixture {
  private ServiceFixture() {}

  static Service named(String name) {
    return new Service(name, "busybox", null, null, null, Map.of(), null, null, List.of(), null, null, null, Map.of(), List.of(), List.of(),
        List.of(), List.of(), Map.of(), null, Map.of(), null, null, null, null, null, List.of(), List.of(), false, false, null, null, false,
        false, null, Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), null, null,
        null, null, null, null, Map.of(), List.of(), List.of(), List.of());
  }
}
