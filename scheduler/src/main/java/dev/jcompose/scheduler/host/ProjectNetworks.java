package dev.jcompose.scheduler.host;

import dev.jcompose.model.api.Project;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.scheduler.names.Labels;

/**
 * Which networks {@code down} removes: those labelled with the project, and those the compose file
 * declares (not external) under their own {@code name:}.
 */
public final class ProjectNetworks {
  private ProjectNetworks() {}

  /** {@code project} may be null (no compose file): then only the label counts. */
  public static boolean belongs(NetworkInfo n, String projectName, Project project) {
    return projectName.equals(n.labels() == null ? null : n.labels().get(Labels.PROJECT))
        || declared(project, n);
  }

  private static boolean declared(Project p, NetworkInfo n) {
    return p != null
        && p.networks() != null
        && p.networks().values().stream().anyMatch(x -> !x.external() && n.name().equals(x.name()));
  }
}
