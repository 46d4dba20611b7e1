package dev.jcompose.scheduler.api;

import dev.jcompose.model.api.ServiceNetworking;
import java.util.List;
import java.util.Map;

/**
 * Flags of {@code run}: a one-off container of {@code service}. Build with {@link #builder}.
 *
 * @param command replaces the service's command when not empty
 * @param entrypoint replaces the service's entrypoint when not null (split at spaces, as docker)
 * @param name container name; null = {@code <project>-<service>-run-<random>}
 * @param publish ports published instead of the service's (unless {@code servicePorts})
 * @param useAliases the container answers to the service's network aliases ({@code --use-aliases})
 * @param pull pull policy for the service's image: always, missing, never; null = the service's
 * @param attachWait its start waits until a client attached to its stdio (a foreground run)
 */
public record RunOptions(
    String service,
    List<String> command,
    Map<String, String> environment,
    String user,
    String workdir,
    String name,
    boolean noDeps,
    boolean removeAfter,
    boolean tty,
    boolean interactive,
    List<ServiceNetworking.Port> publish,
    boolean servicePorts,
    String entrypoint,
    boolean useAliases,
    String pull,
    boolean attachWait) {

  public RunOptions {
    command = command == null ? List.of() : List.copyOf(command);
    environment = environment == null ? Map.of() : environment;
    publish = publish == null ? List.of() : List.copyOf(publish);
  }

  public static Builder builder(String service) {
    return new Builder(service);
  }

  /** Fills {@link RunOptions}; everything off unless set. */
  public static final class Builder {
    private final String service;
    private List<String> command;
    private Map<String, String> environment;
    private String user;
    private String workdir;
    private String name;
    private boolean noDeps;
    private boolean removeAfter;
    private boolean tty;
    private boolean interactive;
    private List<ServiceNetworking.Port> publish;
    private boolean servicePorts;
    private String entrypoint;
    private boolean useAliases;
    private String pull;
    private boolean attachWait;

    private Builder(String service) {
      this.service = service;
    }

    public Builder command(List<String> v) {
      command = v;
      return this;
    }

    public Builder environment(Map<String, String> v) {
      environment = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder workdir(String v) {
      workdir = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder noDeps(boolean v) {
      noDeps = v;
      return this;
    }

    public Builder removeAfter(boolean v) {
      removeAfter = v;
      return this;
    }

    public Builder tty(boolean v) {
      tty = v;
      return this;
    }

    public Builder interactive(boolean v) {
      interactive = v;
      return this;
    }

    public Builder publish(List<ServiceNetworking.Port> v) {
      publish = v;
      return this;
    }

    public Builder servicePorts(boolean v) {
      servicePorts = v;
      return this;
    }

    public Builder entrypoint(String v) {
      entrypoint = v;
      return this;
    }

    public Builder useAliases(boolean v) {
      useAliases = v;
      return this;
    }

    public Builder pull(String v) {
      pull = v;
      return this;
    }

    public Builder attachWait(boolean v) {
      attachWait = v;
      return this;
    }

    public RunOptions build() {
      return new RunOptions(
          service,
          command,
          environment,
          user,
          workdir,
          name,
          noDeps,
          removeAfter,
          tty,
          interactive,
          publish,
          servicePorts,
          entrypoint,
          useAliases,
          pull,
          attachWait);
    }
  }
}
