package dev.jcompose.convert.api;

import java.util.Map;

/**
 * Choices a compose file cannot express.
 *
 * @param storageSize the size every PersistentVolumeClaim requests (compose volumes have none)
 * @param waitImage the image of the init containers that wait for a dependency (runs {@code kubectl
 *     wait})
 * @param environment where {@code configs}/{@code secrets} with {@code environment:} take their
 *     value
 */
public record ConvertOptions(
    String storageSize, String waitImage, Map<String, String> environment) {
  public static final String DEFAULT_STORAGE = "1Gi";

  /**
   * kubectl as the Kubernetes project publishes it, of the version the test tier validates against.
   */
  public static final String DEFAULT_WAIT_IMAGE = "registry.k8s.io/kubectl:v1.37.2";

  public ConvertOptions {
    environment = Map.copyOf(environment);
  }

  public static ConvertOptions defaults(Map<String, String> environment) {
    return new ConvertOptions(DEFAULT_STORAGE, DEFAULT_WAIT_IMAGE, environment);
  }
}
