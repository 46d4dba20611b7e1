package dev.jcompose.runtime.seccomp;

/** A seccomp profile that cannot be read or compiled; the message names the offending part. */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
