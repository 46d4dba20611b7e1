package dev.jcompose.cli.door;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
    File runRoot = File.createTempFile("jcompose-thin-training", "");
    if (!runRoot.delete() || !runRoot.mkdir()) {
      throw new IOException("cannot make " + runRoot);
    }
    File door = DoorWire.door(runRoot.getPath());
    try {
      if (!door.mkdir()) {
        throw new IOException("cannot make " + door);
      }
      try (OutputStream pid = new FileOutputStream(new File(door, DoorWire.PID))) {
        pid.write((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      Thread standIn = new Thread(() -> answer(door), "thin-training-door");
      standIn.setDaemon(true);
      standIn.start();
      Map<String, String> env = Map.of("JCOMPOSE_RUN_ROOT", runRoot.getPath());
      for (String[] argv :
          List.of(
              new String[] {"ps"},
              new String[] {"-p", "x", "ps", "-a", "--format", "json"},
              new String[] {"config", "-q"},
              new String[] {"version"})) {
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

  /** Answers every request in {@code door} with a fixed reply, as the engine's door would. */
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
            File tmp = new File(door, base + DoorWire.TMP + "r");
            try (OutputStream out = new FileOutputStream(tmp)) {
              out.write(reply);
            }
            if (!tmp.renameTo(new File(door, base + DoorWire.REPLY))) {
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
