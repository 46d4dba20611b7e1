package dev.jcompose.scheduler.api;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * Where the CLI gets its {@link ComposeService} and {@link EngineControl}: engine verbs go to the
 * engine (started on first use), the others run in the caller's process. The implementation is the
 * scheduler's client, found with {@link ServiceLoader} so that callers depend on this package
 * alone.
 */
public final class ComposeServices {
  private ComposeServices() {}

  /** Implemented once, by the scheduler's client; registered in META-INF/services. */
  public interface Provider {
    ComposeService compose(Map<String, String> env, CallSettings settings);

    EngineControl engine(Map<String, String> env);
  }

  /** For the state roots and registry settings named in {@code env} (JCOMPOSE_DATA_ROOT...). */
  public static ComposeService forEnvironment(Map<String, String> env) {
    return forEnvironment(env, CallSettings.DEFAULT);
  }

  /** With the global flags of one command ({@code --dry-run}, {@code --parallel}). */
  public static ComposeService forEnvironment(Map<String, String> env, CallSettings settings) {
    return provider().compose(env, settings);
  }

  public static EngineControl engineFor(Map<String, String> env) {
    return provider().engine(env);
  }

  private static Provider provider() {
    return Found.PROVIDER;
  }

  /**
   * The provider, looked up once per JVM: a ServiceLoader lookup lists every class path entry's
   * service files, which an engine running hosted verbs (ps for thin clients) would otherwise pay
   * on each command.
   */
  private static final class Found {
    static final Provider PROVIDER =
        ServiceLoader.load(Provider.class, ComposeServices.class.getClassLoader())
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no " + Provider.class.getName() + " on the class path"));
  }
}
