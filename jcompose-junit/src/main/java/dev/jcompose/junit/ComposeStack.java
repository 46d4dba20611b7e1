package dev.jcompose.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a compose stack for a test class: before its first test the stack is brought up as {@code
 * jcompose up --wait} does (every service running, and healthy where it has a healthcheck), under a
 * project name unique to this run; after its last test it is removed as {@code jcompose down -v}
 * does. Fields and parameters of type {@link ServiceEndpoint} annotated {@link
 * Endpoint @Endpoint("web:8000")} receive the published address of that container port, and
 * parameters of type {@link RunningStack} the stack itself. When a test fails, the logs of the
 * services that exited with an error or are unhealthy are attached to the failure.
 *
 * <p>The stack runs on the jcompose engine of the state roots the environment names ({@code
 * JCOMPOSE_RUN_ROOT}, default {@code /run/jcompose}), which is started if none answers; the
 * extension talks to it over its unix-socket API and needs no Docker daemon. Compose files are
 * loaded as the CLI loads them, relative to the working directory, with the process environment.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ComposeStackExtension.class)
public @interface ComposeStack {
  /** The compose files, as {@code -f} takes them (later files override earlier ones). */
  String[] value() default "compose.yaml";

  /** The services to start (with their dependencies); empty = all. */
  String[] services() default {};

  /** Profiles to enable, as {@code --profile}. */
  String[] profiles() default {};

  /**
   * The prefix of the project name; a random suffix makes it unique per run. Default: the files'
   * directory name.
   */
  String projectName() default "";

  /**
   * Share one stack among every test class that declares the same files, services and profiles with
   * {@code shared = true}: it comes up for the first of them and goes down when the whole test run
   * ends.
   */
  boolean shared() default false;

  /** How long {@code up} may wait for services to be running and healthy. */
  int waitTimeoutSeconds() default 180;
}
