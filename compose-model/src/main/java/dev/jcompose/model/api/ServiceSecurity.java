package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * What a service's containers may do and see of the host: privileges, capabilities, security
 * options, devices, kernel parameters and shared namespaces.
 *
 * @param ipc {@code ipc} mode as written (shareable, host, service:x...), null = private
 * @param pid {@code pid} mode as written (host, service:x...), null = private
 * @param uts {@code uts} mode (host), null = private
 * @param cgroup {@code cgroup} namespace (host, private), null = docker's default for the host
 * @param cgroupParent {@code cgroup_parent}, null = the engine's
 * @param usernsMode {@code userns_mode} (host), null = the engine's
 * @param deviceCgroupRules {@code device_cgroup_rules}, docker's {@code "c 1:3 rwm"} syntax
 *     (validated at load)
 */
public record ServiceSecurity(
    boolean privileged,
    boolean readOnly,
    List<String> capAdd,
    List<String> capDrop,
    List<String> securityOpt,
    List<Device> devices,
    Map<String, String> sysctls,
    String ipc,
    String pid,
    String uts,
    String cgroup,
    String cgroupParent,
    String usernsMode,
    List<String> deviceCgroupRules) {

  public ServiceSecurity {
    capAdd = Copies.list(capAdd);
    capDrop = Copies.list(capDrop);
    securityOpt = Copies.list(securityOpt);
    devices = Copies.list(devices);
    sysctls = Copies.map(sysctls);
    deviceCgroupRules = Copies.list(deviceCgroupRules);
  }

  /**
   * {@link #securityOpt} parsed (the loader has refused anything {@link SecurityOptions#parse}
   * refuses).
   */
  public SecurityOptions options() {
    return SecurityOptions.parse(securityOpt);
  }

  public static final ServiceSecurity NONE = builder().build();

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .privileged(privileged)
        .readOnly(readOnly)
        .capAdd(capAdd)
        .capDrop(capDrop)
        .securityOpt(securityOpt)
        .devices(devices)
        .sysctls(sysctls)
        .ipc(ipc)
        .pid(pid)
        .uts(uts)
        .cgroup(cgroup)
        .cgroupParent(cgroupParent)
        .usernsMode(usernsMode)
        .deviceCgroupRules(deviceCgroupRules);
  }

  /** A device in long form; {@code target} and {@code permissions} null = as source, rwm. */
  public record Device(String source, String target, String permissions) {}

  /** Fills a {@link ServiceSecurity}; everything starts unset (docker's defaults). */
  public static final class Builder {
    private boolean privileged;
    private boolean readOnly;
    private List<String> capAdd;
    private List<String> capDrop;
    private List<String> securityOpt;
    private List<Device> devices;
    private Map<String, String> sysctls;
    private String ipc;
    private String pid;
    private String uts;
    private String cgroup;
    private String cgroupParent;
    private String usernsMode;
    private List<String> deviceCgroupRules;

    public Builder privileged(boolean v) {
      privileged = v;
      return this;
    }

    public Builder readOnly(boolean v) {
      readOnly = v;
      return this;
    }

    public Builder capAdd(List<String> v) {
      capAdd = v;
      return this;
    }

    public Builder capDrop(List<String> v) {
      capDrop = v;
      return this;
    }

    public Builder securityOpt(List<String> v) {
      securityOpt = v;
      return this;
    }

    public Builder devices(List<Device> v) {
      devices = v;
      return this;
    }

    public Builder sysctls(Map<String, String> v) {
      sysctls = v;
      return this;
    }

    public Builder ipc(String v) {
      ipc = v;
      return this;
    }

    public Builder pid(String v) {
      pid = v;
      return this;
    }

    public Builder uts(String v) {
      uts = v;
      return this;
    }

    public Builder cgroup(String v) {
      cgroup = v;
      return this;
    }

    public Builder cgroupParent(String v) {
      cgroupParent = v;
      return this;
    }

    public Builder usernsMode(String v) {
      usernsMode = v;
      return this;
    }

    public Builder deviceCgroupRules(List<String> v) {
      deviceCgroupRules = v;
      return this;
    }

    public ServiceSecurity build() {
      return new ServiceSecurity(
          privileged,
          readOnly,
          capAdd,
          capDrop,
          securityOpt,
          devices,
          sysctls,
          ipc,
          pid,
          uts,
          cgroup,
          cgroupParent,
          usernsMode,
          deviceCgroupRules);
    }
  }
}
