package dev.jcompose.model.api;

/**
 * A port or an inclusive range of ports, as docker's nat.ParsePortRange reads it ({@code 8080},
 * {@code 8080-8081}). Printed back in the same form.
 */
public record PortRange(int start, int end) {

  public PortRange {
    if (start < 0 || end > 65535 || end < start) {
      throw new IllegalArgumentException("invalid port range: " + start + "-" + end);
    }
  }

  public static PortRange single(int port) {
    return new PortRange(port, port);
  }

  /** {@code what} names the value in the message, as docker does ("invalid hostPort: x"). */
  public static PortRange parse(String text, String what) {
    int dash = text.indexOf('-');
    try {
      int start = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
      int end = dash < 0 ? start : Integer.parseInt(text.substring(dash + 1));
      return new PortRange(start, end);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + what + ": " + text, e);
    }
  }

  public int size() {
    return end - start + 1;
  }

  @Override
  public String toString() {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }
}
