package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;

/**
 * The kernel door for cgroup v2 device control: installs an eBPF {@code CGROUP_DEVICE} program on a
 * group directory, replacing the one a previous start installed. The real implementation is
 * {@link BpfDeviceGuard}; unit tests record the calls.
 */
interface DeviceGuard {
  /** Attaches {@code program} ({@link DeviceProgram} bytes) to the cgroup2 directory {@code group}. */
  void install(Path group, byte[] program);
}
