package dev.jcompose.convert.kube;

import java.util.List;

/**
 * The API server's answer to a server-side dry-run create: accepted (2xx) or not, its message (the
 * Status reason for a rejection), and the warnings it sent ({@code Warning:} headers).
 */
public record Verdict(String object, int status, String message, List<String> warnings) {
  public boolean accepted() {
    return status / 100 == 2;
  }

  @Override
  public String toString() {
    return object
        + ": "
        + (accepted() ? "accepted" : "rejected (" + status + "): " + message)
        + (warnings.isEmpty() ? "" : " warnings: " + warnings);
  }
}
