package dev.jcompose.testkit;

/**
 * Where the registry with the offline-built test and example images answers: {@code
 * JCOMPOSE_TEST_REGISTRY} (host:port), the one setting that scripts/registry.sh, the image builders
 * and every test read. 127.0.0.1:5000 unless set: CI runs its own, empty registry on another port.
 */
public final class TestRegistry {
  public static final String DEFAULT = "127.0.0.1:5000";

  private TestRegistry() {}

  /** host:port, as a registry mirror list or an image reference names it. */
  public static String address() {
    String a = System.getenv("JCOMPOSE_TEST_REGISTRY");
    return a == null || a.isBlank() ? DEFAULT : a.strip();
  }

  /** The base URL ({@code http://host:port}), as {@code JCOMPOSE_REGISTRY_MIRRORS} takes it. */
  public static String url() {
    return "http://" + address();
  }
}
