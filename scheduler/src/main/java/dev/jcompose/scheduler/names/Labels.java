package dev.jcompose.scheduler.names;

/**
 * Label keys on containers, networks and volumes. The {@code com.docker.compose.*} keys are docker
 * compose's (tools read them); {@code dev.jcompose.*} keys carry what the engine needs to supervise
 * a container it re-adopts without the project (restart policy, healthcheck, stop settings).
 */
public final class Labels {
  public static final String PROJECT = "com.docker.compose.project";
  public static final String SERVICE = "com.docker.compose.service";
  public static final String NUMBER = "com.docker.compose.container-number";
  public static final String ONEOFF = "com.docker.compose.oneoff";
  public static final String CONFIG_HASH = "com.docker.compose.config-hash";
  public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
  public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
  public static final String VERSION = "com.docker.compose.version";
  public static final String DEPENDS_ON = "com.docker.compose.depends_on";
  public static final String IMAGE = "com.docker.compose.image";
  public static final String NETWORK = "com.docker.compose.network";
  public static final String VOLUME = "com.docker.compose.volume";

  public static final String CONTAINER_ID = "dev.jcompose.container-id";
  public static final String IMAGE_REF = "dev.jcompose.image-ref";
  public static final String RESTART = "dev.jcompose.restart";
  public static final String RESTART_DELAY_MS = "dev.jcompose.restart.delay-ms";
  public static final String RESTART_WINDOW_MS = "dev.jcompose.restart.window-ms";
  public static final String HEALTHCHECK = "dev.jcompose.healthcheck";
  public static final String STOP_SIGNAL = "dev.jcompose.stop-signal";
  public static final String STOP_GRACE_MS = "dev.jcompose.stop-grace-ms";
  public static final String NETWORKS = "dev.jcompose.networks";
  public static final String PORTS = "dev.jcompose.ports";
  public static final String NETNS_PARENT = "dev.jcompose.netns-parent";
  public static final String ANONYMOUS = "dev.jcompose.anonymous";
  public static final String COMMAND = "dev.jcompose.command";
  public static final String VOLUMES = "dev.jcompose.volumes";

  /**
   * The service's logging driver when it is not the default ({@code none}: logs cannot be read).
   */
  public static final String LOG_DRIVER = "dev.jcompose.log-driver";

  /** Prefix of the engine's own labels, which users never see among theirs. */
  public static final String INTERNAL_PREFIX = "dev.jcompose.";

  /** Compose version we claim to be compatible with in the version label. */
  public static final String COMPOSE_VERSION = "2.40.0";

  private Labels() {}
}
