package dev.jcompose.convert.kube;

import java.util.Locale;
import java.util.Map;

/**
 * REST paths of the namespaced kinds converters emit (the API's resource names, as discovery lists
 * them).
 */
final class Resources {
  private static final Map<String, String> PLURALS =
      Map.ofEntries(
          Map.entry("ConfigMap", "configmaps"),
          Map.entry("Secret", "secrets"),
          Map.entry("Service", "services"),
          Map.entry("PersistentVolumeClaim", "persistentvolumeclaims"),
          Map.entry("ServiceAccount", "serviceaccounts"),
          Map.entry("Pod", "pods"),
          Map.entry("Deployment", "deployments"),
          Map.entry("StatefulSet", "statefulsets"),
          Map.entry("DaemonSet", "daemonsets"),
          Map.entry("ReplicaSet", "replicasets"),
          Map.entry("Job", "jobs"),
          Map.entry("CronJob", "cronjobs"),
          Map.entry("Role", "roles"),
          Map.entry("RoleBinding", "rolebindings"),
          Map.entry("NetworkPolicy", "networkpolicies"),
          Map.entry("Ingress", "ingresses"),
          Map.entry("HorizontalPodAutoscaler", "horizontalpodautoscalers"));

  private Resources() {}

  /**
   * {@code /api/v1/namespaces/NS/services} or {@code
   * /apis/GROUP/VERSION/namespaces/NS/deployments}.
   */
  static String collection(String apiVersion, String kind, String namespace) {
    String plural = PLURALS.get(kind);
    if (plural == null) {
      plural = kind.toLowerCase(Locale.ROOT) + "s";
    }
    String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return base + "/namespaces/" + namespace + "/" + plural;
  }
}
