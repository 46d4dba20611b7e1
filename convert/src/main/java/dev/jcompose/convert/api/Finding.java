package dev.jcompose.convert.api;

/**
 * Something of the compose file that Kubernetes cannot express as written: dropped, or kept with a
 * different meaning. Printed like compose-file errors: {@code file:line:column: attribute:
 * message}.
 *
 * @param location {@code file:line:column} where the attribute was written, or empty if unknown
 * @param attribute the attribute path, e.g. {@code services.web.network_mode}
 * @param message what happens to it
 */
public record Finding(String location, String attribute, String message) {
  @Override
  public String toString() {
    return (location.isEmpty() ? "" : location + ": ") + attribute + ": " + message;
  }
}
