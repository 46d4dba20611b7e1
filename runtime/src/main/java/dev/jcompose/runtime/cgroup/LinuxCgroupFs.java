package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link CgroupFs} on the real cgroupfs mounts. Stateless and thread-safe. */
public class LinuxCgroupFs implements CgroupFs {

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public String read(Path path) {
    try {
      return stripNewline(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure("cannot read " + path, e);
    }
  }

  @Override
  public Optional<String> readIfExists(Path path) {
    try {
      return Optional.of(stripNewline(Files.readString(path, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot read " + path, e);
    }
  }

  @Override
  public void write(Path path, String value) {
    try {
      // No CREATE: a missing control file means the controller is absent, and cgroupfs refuses
      // to create regular files anyway. TRUNCATE as runc does (O_WRONLY|O_TRUNC).
      Files.write(
          path,
          value.getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw failure("cannot write '" + value + "' to " + path, e);
    }
  }

  @Override
  public void mkdir(Path dir) {
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      // idempotent create
    } catch (IOException e) {
      throw failure("cannot create cgroup " + dir, e);
    }
  }

  @Override
  public boolean rmdir(Path dir) {
    try {
      // Files.delete on a directory is rmdir(2); cgroupfs drops the control files itself.
      Files.delete(dir);
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    } catch (FileSystemException e) {
      if (isBusy(e)) {
        return false;
      }
      throw failure("cannot remove cgroup " + dir, e);
    } catch (IOException e) {
      throw failure("cannot remove cgroup " + dir, e);
    }
  }

  @Override
  public List<String> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw failure("cannot list " + dir, e);
    }
  }

  @Override
  public void kill(long pid) {
    // destroyForcibly() is kill(pid, SIGKILL); works for non-children too when we are root.
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  private static boolean isBusy(FileSystemException e) {
    String reason = e.getReason();
    return reason != null && reason.contains("busy");
  }

  private static String stripNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  static ContainerException failure(String message, IOException e) {
    Kind kind = e instanceof AccessDeniedException ? Kind.PERMISSION : Kind.UNAVAILABLE;
    String reason =
        e instanceof FileSystemException fse && fse.getReason() != null
            ? fse.getReason()
            : e.toString();
    return new ContainerException(kind, message + ": " + reason, e);
  }
}
