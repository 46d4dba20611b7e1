package dev.jcompose.runtime.image;

import java.net.URI;

/**
 * One place an image can be pulled from.
 *
 * @param base scheme://host[:port] of the registry API
 * @param credentialsHost key under which docker's config.json keeps its credentials
 * @param mirror whether this is a configured mirror (failures fall through to the next endpoint)
 */
record RegistryEndpoint(URI base, String credentialsHost, boolean mirror) {

  String describe() {
    return (mirror ? "mirror " : "registry ") + base;
  }
}
