package dev.jcompose.cli.door;

import dev.jcompose.cli.JcomposeCli;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The thin entry ({@code ./jcompose} picks it for hosted verbs): hands the command line to the
 * running engine through its door ({@link DoorServer}) and prints the answer; when there is no
 * door, no live engine, an engine of another build, or no answer in time, it runs the full CLI in
 * this JVM instead (same output, slower). java.base only and a handful of classes: this JVM loads
 * little more than an empty main does.
 *
 * <p>Nothing here can hang: the client never opens a FIFO or socket; it writes its request file,
 * renames it into the door and polls for the reply file with short sleeps, checking that the
 * engine's process still exists, under a deadline.
 */
public final class ThinMain {
  /** The longest wait for the engine's answer before running the verb here instead. */
  static final long DEADLINE_NANOS = 5_000_000_000L;

  private ThinMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    int code;
    try {
      code = viaDoor(args, env);
    } catch (IOException | RuntimeException e) {
      code = -1;
    }
    if (code < 0 && "require".equals(env.get("JCOMPOSE_THIN"))) {
      // for tests and the bench: show that the door answered, never fall back silently
      new PrintStream(new FileOutputStream(FileDescriptor.err), true)
          .println("jcompose: the engine's door did not answer (JCOMPOSE_THIN=require)");
      Runtime.getRuntime().halt(125);
    }
    if (code < 0) {
      JcomposeCli.main(args);
      return;
    }
    Runtime.getRuntime().halt(code);
  }

  /** The exit code of the hosted run, after printing its output; -1 when the door cannot serve. */
  static int viaDoor(String[] args, Map<String, String> env) throws IOException {
    List<String> argv = Arrays.asList(args);
    if (HostedVerbs.verb(argv) == null) {
      return -1;
    }
    File door = DoorWire.door(env.getOrDefault("JCOMPOSE_RUN_ROOT", "/run/jcompose"));
    File proc = engineProcess(door);
    if (proc == null) {
      return -1;
    }
    DoorWire.Reply reply = ask(door, proc, request(argv, env));
    if (reply == null || !reply.hosted()) {
      return -1;
    }
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    for (DoorWire.Output o : reply.output()) {
      (o.fd() == 1 ? stdout : stderr).write(o.bytes());
    }
    return reply.exitCode();
  }

  private static DoorWire.Request request(List<String> argv, Map<String, String> env) {
    return new DoorWire.Request(
        DoorWire.identity(System.getProperty("java.class.path")),
        argv,
        env,
        new File("").getAbsolutePath(),
        charset("stdout.encoding"),
        charset("stderr.encoding"));
  }

  /** The charset System.out/err would use here (JDK 19+ names it; 17 uses the native one). */
  private static String charset(String property) {
    String cs = System.getProperty(property);
    if (cs == null) {
      cs = System.getProperty("native.encoding", System.getProperty("file.encoding"));
    }
    return cs;
  }

  /** /proc/PID of the engine serving the door, or null when none lives. */
  private static File engineProcess(File door) throws IOException {
    File pidFile = new File(door, DoorWire.PID);
    if (!pidFile.isFile()) {
      return null;
    }
    String pid;
    try (InputStream in = new FileInputStream(pidFile)) {
      pid = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
    }
    if (pid.isEmpty()) {
      return null;
    }
    for (int i = 0; i < pid.length(); i++) {
      if (pid.charAt(i) < '0' || pid.charAt(i) > '9') {
        return null;
      }
    }
    File proc = new File("/proc", pid);
    return proc.isDirectory() ? proc : null;
  }

  /**
   * Puts the request into the door and waits for the reply: null when the engine dies, or does not
   * answer within the deadline (then the request is taken back if still unread).
   */
  static DoorWire.Reply ask(File door, File proc, DoorWire.Request request) throws IOException {
    String name = null;
    File tmp = null;
    for (int i = 0; i < 10 && name == null; i++) {
      // String.concat, not +: javac's + is an invokedynamic whose first call spins classes
      String n = Long.toHexString(System.nanoTime()).concat(Integer.toHexString(i));
      File f = new File(door, n.concat(DoorWire.TMP));
      if (f.createNewFile()) { // O_EXCL: two clients never share a name
        name = n;
        tmp = f;
      }
    }
    if (name == null) {
      return null;
    }
    File req = new File(door, name.concat(DoorWire.REQUEST));
    File rep = new File(door, name.concat(DoorWire.REPLY));
    try (OutputStream out = new FileOutputStream(tmp)) {
      out.write(DoorWire.encode(request));
    }
    if (!tmp.renameTo(req)) {
      tmp.delete();
      return null;
    }
    long start = System.nanoTime();
    for (int polls = 0; ; polls++) {
      if (rep.exists()) {
        byte[] data;
        try (InputStream in = new FileInputStream(rep)) {
          data = in.readAllBytes();
        }
        rep.delete();
        return DoorWire.decodeReply(data);
      }
      if ((polls % 64 == 63 && !proc.isDirectory()) || System.nanoTime() - start > DEADLINE_NANOS) {
        req.delete();
        return null;
      }
      pause(polls);
    }
  }

  /**
   * 0.1 ms between polls for the first ~30 ms (a warm hosted verb answers within a few), then 1.
   */
  private static void pause(int polls) {
    try {
      if (polls < 300) {
        Thread.sleep(0, 100_000);
      } else {
        Thread.sleep(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
