package dev.jcompose.cli.door;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thin entry's training run for its ahead-of-time cache (./jcompose makes it once per jar):
 * {@link ThinMain}'s door path against a stand-in door in a temporary run root, answered by a
 * thread with a fixed reply, so the cache holds what a hosted verb's client loads and nothing of
 * the full CLI. Touches nothing else on the host.
 */
public final class ThinTraining {
  private ThinTraining() {}

  public static void main(String[] args) throws Exception {
    // no File.createTempFile (a SecureRandom), ProcessHandle or lambda: with AOT class linking
    // every class the training loads is loaded again at each start
    File runRoot =
        new File(
            System.getProperty("java.io.tmpdir"),
            "jcompose-thin-training-".concat(Long.toHexString(System.nanoTime())));
    if (!runRoot.mkdir()) {
      throw new IOException("cannot make " + runRoot);
    }
    File door = DoorWire.door(runRoot.getPath());
    try {
      if (!door.mkdir()) {
        throw new IOException("cannot make " + door);
      }
      try (OutputStream pid = new FileOutputStream(new File(door, DoorWire.PID))) {
        String self = new File("/proc/self").getCanonicalFile().getName();
        pid.write(self.concat("\n").getBytes(StandardCharsets.US_ASCII));
      }
      Thread standIn = new StandIn(door);
      standIn.setDaemon(true);
      standIn.start();
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("JCOMPOSE_RUN_ROOT", runRoot.getPath());
      for (String[] argv :
          new String[][] {
            {"ps"}, {"-p", "x", "ps", "-a", "--format", "json"}, {"config", "-q"}, {"version"}
          }) {
        ThinMain.viaDoor(argv, env);
      }
    } finally {
      File[] left = door.listFiles();
      for (File f : left == null ? new File[0] : left) {
        f.delete();
      }
      door.delete();
      runRoot.delete();
    }
    Runtime.getRuntime().halt(0);
  }

  /** Answers every request in the door with a fixed reply, as the engine's door would. */
  private static final class StandIn extends Thread {
    private final File door;

    StandIn(File door) {
      super("thin-training-door");
      this.door = door;
    }

    @Override
    public void run() {
      answer(door);
    }
  }

  private static void answer(File door) {
    byte[] reply =
        DoorWire.encode(
            new DoorWire.Reply(
                true,
                0,
                List.of(
                    new DoorWire.Output(
                        2, "WARN[0000] training\n".getBytes(StandardCharsets.UTF_8)),
                    new DoorWire.Output(1, "NAME\n".getBytes(StandardCharsets.UTF_8)))));
    while (true) {
      String[] names = door.list();
      for (String n : names == null ? new String[0] : names) {
        if (n.endsWith(DoorWire.REQUEST)) {
          File req = new File(door, n);
          String base = n.substring(0, n.length() - DoorWire.REQUEST.length());
          try (InputStream in = new FileInputStream(req)) {
            DoorWire.decodeRequest(in.readAllBytes());
            req.delete();
            File tmp = new File(door, base.concat(DoorWire.REPLY).concat(DoorWire.TMP));
            try (OutputStream out = new FileOutputStream(tmp)) {
              out.write(reply);
            }
            if (!tmp.renameTo(new File(door, base.concat(DoorWire.REPLY)))) {
              throw new IOException("rename " + tmp);
            }
          } catch (IOException e) {
            return;
          }
        }
      }
      try {
        Thread.sleep(0, 200_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
