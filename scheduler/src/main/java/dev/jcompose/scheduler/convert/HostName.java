package dev.jcompose.scheduler.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This host's name, as the kernel has it (the UTS name containers on the host's network share). */
final class HostName {
  private HostName() {}

  static String get() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
