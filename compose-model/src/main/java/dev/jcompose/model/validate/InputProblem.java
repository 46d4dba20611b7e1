package dev.jcompose.model.validate;

import java.util.List;

/**
 * One refused name or value: where it is ({@code path}, e.g. services, web, container_name) and
 * what is wrong with it. {@link #toString} reads {@code services.web.container_name: ...}.
 */
public record InputProblem(List<String> path, String message) {

  public InputProblem {
    path = List.copyOf(path);
  }

  public String attribute() {
    return String.join(".", path);
  }

  @Override
  public String toString() {
    return attribute() + ": " + message;
  }
}
