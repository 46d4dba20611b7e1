package dev.jcompose.cli.command;

import dev.jcompose.model.api.Service;

/** A service with only a name and an image, every other attribute unset. */
final class ServiceFixture {
  private ServiceFixture() {}

  static Service named(String name) {
    return Service.builder(name).image("busybox").build();
  }
}
