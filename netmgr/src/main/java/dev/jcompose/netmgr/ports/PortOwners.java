package dev.jcompose.netmgr.ports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds which host process holds a port, for "port is already in use by …" messages: the socket
 * inode from /proc/net/{tcp,udp}{,6}, then the process whose /proc/PID/fd links to that inode.
 */
public final class PortOwners {
  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";
  private final Path proc;

  public PortOwners(Path proc) {
    this.proc = proc;
  }

  /** "process 1234 (nginx)" or "another process" when the inode is not visible to us. */
  public String describe(String protocol, int port) {
    Optional<String> inode = inode(protocol, port);
    return inode.flatMap(this::process).orElse("another process");
  }

  Optional<String> inode(String protocol, int port) {
    String state = protocol.equals("udp") ? UDP_UNCONNECTED : TCP_LISTEN;
    for (String file : List.of(protocol, protocol + "6")) {
      Optional<String> found =
          lines(proc.resolve("net").resolve(file)).stream()
              .skip(1)
              .map(l -> l.strip().split("\\s+"))
              .filter(f -> f.length > 9 && f[3].equals(state) && localPort(f[1]) == port)
              .map(f -> f[9])
              .filter(i -> !i.equals("0"))
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static int localPort(String hexAddressAndPort) {
    return Integer.parseInt(hexAddressAndPort.substring(hexAddressAndPort.indexOf(':') + 1), 16);
  }

  private Optional<String> process(String inode) {
    String link = "socket:[" + inode + "]";
    try (DirectoryStream<Path> pids =
        Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path pid : pids) {
        if (holds(pid.resolve("fd"), link)) {
          String comm = lines(pid.resolve("comm")).stream().findFirst().orElse("?").strip();
          return Optional.of("process " + pid.getFileName() + " (" + comm + ")");
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean holds(Path fdDir, String link) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
      for (Path fd : fds) {
        if (link.equals(readLink(fd))) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      // process exited or is not ours to inspect
    }
    return false;
  }

  private static String readLink(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
