package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * What a service's container runs and as whom. {@code command} and {@code entrypoint} are null when
 * the compose file does not set them (the image's apply), an empty list when set empty.
 *
 * @param environment resolved variables; unset ones (a bare {@code KEY} not in the environment) are
 *     absent
 * @param init null = the engine's default
 * @param attach whether an attached {@code up} prints the service's output (compose's {@code
 *     attach}, default true); {@code logs} shows it either way
 */
public record ServiceProcess(
    List<String> command,
    List<String> entrypoint,
    Map<String, String> environment,
    String workingDir,
    String user,
    List<String> groupAdd,
    boolean tty,
    boolean stdinOpen,
    Boolean init,
    boolean attach) {

  public ServiceProcess {
    command = Copies.listOrNull(command);
    entrypoint = Copies.listOrNull(entrypoint);
    environment = Copies.map(environment);
    groupAdd = Copies.list(groupAdd);
  }

  public static final ServiceProcess NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .command(command)
        .entrypoint(entrypoint)
        .environment(environment)
        .workingDir(workingDir)
        .user(user)
        .groupAdd(groupAdd)
        .tty(tty)
        .stdinOpen(stdinOpen)
        .init(init)
        .attach(attach);
  }

  /**
   * Fills a {@link ServiceProcess}; unset values are what the loader leaves for absent attributes.
   */
  public static final class Builder {
    private List<String> command;
    private List<String> entrypoint;
    private Map<String, String> environment = Map.of();
    private String workingDir;
    private String user;
    private List<String> groupAdd = List.of();
    private boolean tty;
    private boolean stdinOpen;
    private Boolean init;
    private boolean attach = true;

    public Builder command(List<String> v) {
      command = v;
      return this;
    }

    public Builder entrypoint(List<String> v) {
      entrypoint = v;
      return this;
    }

    public Builder environment(Map<String, String> v) {
      environment = v;
      return this;
    }

    public Builder workingDir(String v) {
      workingDir = v;
      return this;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Builder groupAdd(List<String> v) {
      groupAdd = v;
      return this;
    }

    public Builder tty(boolean v) {
      tty = v;
      return this;
    }

    public Builder stdinOpen(boolean v) {
      stdinOpen = v;
      return this;
    }

    public Builder init(Boolean v) {
      init = v;
      return this;
    }

    public Builder attach(boolean v) {
      attach = v;
      return this;
    }

    public ServiceProcess build() {
      return new ServiceProcess(
          command,
          entrypoint,
          environment,
          workingDir,
          user,
          groupAdd,
          tty,
          stdinOpen,
          init,
          attach);
    }
  }
}
