package dev.jcompose.model.support;

/**
 * How jcompose treats one compose attribute: APPLIED as docker compose + dockerd apply it; WARNED
 * when it is accepted but not (or not fully) applied, which the user is told at load time with
 * file:line; REFUSED when running without it would do something else than the file asks, which
 * fails the load with file:line.
 *
 * @param attribute dotted path below the section ({@code services.*.cgroup_parent} is {@code
 *     cgroup_parent}; {@code deploy.placement} for a nested one)
 * @param note what is applied, or why not
 */
public record Support(String attribute, Status status, String note) {
  public enum Status {
    APPLIED,
    WARNED,
    REFUSED
  }

  static Support applied(String attribute, String note) {
    return new Support(attribute, Status.APPLIED, note);
  }

  static Support warned(String attribute, String note) {
    return new Support(attribute, Status.WARNED, note);
  }

  static Support refused(String attribute, String note) {
    return new Support(attribute, Status.REFUSED, note);
  }
}
