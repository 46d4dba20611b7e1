package dev.jcompose.cli.door;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The door's two messages, each one whole file: a request (the caller's argv, environment, working
 * directory, output charsets and the identity of its jar) and a reply (hosted or not; exit code,
 * stdout and stderr bytes). Length-prefixed fields, java.io only: the thin client must not load
 * more than the JVM's own start does.
 */
public final class DoorWire {
  static final int MAGIC = 0x4a434431; // "JCD1"
  static final int MAX_BYTES = 64 << 20;

  /** In the door: the engine's pid, and a request's name while written, when put, answered. */
  static final String PID = "engine.pid";

  static final String TMP = ".tmp";
  static final String REQUEST = ".req";
  static final String REPLY = ".rep";

  private DoorWire() {}

  /** The door of the engine serving {@code runRoot}. */
  static File door(String runRoot) {
    return new File(runRoot, "door");
  }

  /** What a client asks for. */
  public record Request(
      String identity,
      List<String> argv,
      Map<String, String> env,
      String cwd,
      String stdoutCharset,
      String stderrCharset) {}

  /**
   * The engine's answer: {@code hosted} false means "run it yourself" (the client falls back); else
   * the exit code and the output in the order it was written, stdout and stderr interleaved as the
   * command wrote them.
   */
  public record Reply(boolean hosted, int exitCode, List<Output> output) {
    static Reply notHosted() {
      return new Reply(false, 0, List.of());
    }
  }

  /** Bytes written to file descriptor {@code fd} (1 stdout, 2 stderr). */
  public static final class Output {
    private final int fd;
    private final byte[] bytes;

    public Output(int fd, byte[] bytes) {
      this.fd = fd;
      this.bytes = bytes.clone();
    }

    public int fd() {
      return fd;
    }

    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * Which build a JVM runs: the class path with each jar's size and modification time, so an engine
   * started from an older jar never answers for a newer client.
   */
  public static String identity(String classPath) {
    StringBuilder sb = new StringBuilder();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      File f = new File(entry);
      sb.append(f.getAbsolutePath())
          .append('|')
          .append(f.length())
          .append('|')
          .append(f.lastModified())
          .append(';');
    }
    return sb.toString();
  }

  public static byte[] encode(Request r) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      string(out, r.identity());
      out.writeInt(r.argv().size());
      for (String a : r.argv()) {
        string(out, a);
      }
      out.writeInt(r.env().size());
      for (Map.Entry<String, String> e : r.env().entrySet()) {
        string(out, e.getKey());
        string(out, e.getValue());
      }
      string(out, r.cwd());
      string(out, r.stdoutCharset());
      string(out, r.stderrCharset());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory stream", e);
    }
  }

  public static Request decodeRequest(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    magic(in);
    String identity = string(in);
    int argc = count(in);
    List<String> argv = new ArrayList<>(argc);
    for (int i = 0; i < argc; i++) {
      argv.add(string(in));
    }
    int envc = count(in);
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < envc; i++) {
      env.put(string(in), string(in));
    }
    String cwd = string(in);
    String outCs = string(in);
    String errCs = string(in);
    end(in);
    return new Request(identity, argv, env, cwd, outCs, errCs);
  }

  public static byte[] encode(Reply r) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeBoolean(r.hosted());
      out.writeInt(r.exitCode());
      out.writeInt(r.output().size());
      for (Output o : r.output()) {
        out.writeByte(o.fd());
        out.writeInt(o.bytes().length);
        out.write(o.bytes());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory stream", e);
    }
  }

  public static Reply decodeReply(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    magic(in);
    boolean hosted = in.readBoolean();
    int code = in.readInt();
    int n = count(in);
    List<Output> output = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int fd = in.readUnsignedByte();
      if (fd != 1 && fd != 2) {
        throw new IOException("door message: bad file descriptor " + fd);
      }
      output.add(new Output(fd, bytes(in)));
    }
    end(in);
    return new Reply(hosted, code, output);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = count(in);
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_BYTES) {
      throw new IOException("door message: bad length " + n);
    }
    return n;
  }

  private static void magic(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("door message: not a jcompose door message");
    }
  }

  private static void end(DataInputStream in) throws IOException {
    if (in.read() != -1) {
      throw new IOException("door message: trailing bytes");
    }
  }
}
