package dev.jcompose.cli.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.cli.console.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The door end to end in one JVM: a real DoorServer on a directory, the thin client's own request
 * and wait, hosted verbs that need no engine (config, version). Each hosted answer is compared byte
 * for byte with the same command line run in-process with the same environment and directory.
 */
class DoorServerTest {
  private static final String BUILD = "test-build";

  @TempDir Path dir;
  private Path door;
  private DoorServer server;
  private final File self = new File("/proc/self");

  @BeforeEach
  void open() throws IOException {
    door = dir.resolve("run").resolve("door");
    server = DoorServer.open(door, BUILD, ProcessHandle.current().pid());
    Files.writeString(
        dir.resolve("compose.yaml"),
        "services:\n"
            + "  web:\n"
            + "    image: nginx:${TAG:-latest}\n"
            + "    environment:\n"
            + "      GREETING: ${GREETING}\n"
            + "    ports: ['8080:80']\n");
    Files.writeString(
        dir.resolve("bad.yaml"), "services:\n  web:\n    image: nginx\n    ports: [\"x:y\"]\n");
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void door_isTheEnginesAlone_andGoneWhenClosed() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(door)))
        .isEqualTo("rwx------");
    assertThat(Files.readString(door.resolve(DoorWire.PID)).trim())
        .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    server.close();
    assertThat(door).doesNotExist();
  }

  @Test
  void hostedConfig_printsWhatTheInProcessRunPrints() throws Exception {
    Map<String, String> env = Map.of("TAG", "1.25", "GREETING", "hello from the caller");
    for (List<String> argv :
        List.of(
            List.of("config"),
            List.of("config", "--format", "json"),
            List.of("-p", "other", "config", "--services"),
            List.of("-f", "compose.yaml", "config", "--images"),
            List.of("config", "-q"),
            List.of("version"),
            List.of("version", "--format", "json"))) {
      assertSameAsInProcess(argv, env);
    }
  }

  @Test
  void hostedWarningsAndErrors_samePlaceSameExitCode() throws Exception {
    // GREETING unset: the loader's warning on stderr, then the config on stdout
    Result warned = assertSameAsInProcess(List.of("config", "-q"), Map.of());
    assertThat(warned.err()).contains("WARN[0000]").contains("GREETING");
    Result failed = assertSameAsInProcess(List.of("-f", "bad.yaml", "config"), Map.of());
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("bad.yaml");
    Result usage = assertSameAsInProcess(List.of("config", "--no-such-flag"), Map.of());
    assertThat(usage.code()).isNotZero();
  }

  @Test
  void notHosted_otherBuildOrVerb_sendsTheClientBack() throws Exception {
    DoorWire.Reply up =
        ThinMain.ask(door.toFile(), self, request(BUILD, List.of("up", "-d"), Map.of()));
    assertThat(up.hosted()).isFalse();
    DoorWire.Reply other =
        ThinMain.ask(door.toFile(), self, request("older-build", List.of("version"), Map.of()));
    assertThat(other.hosted()).isFalse();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void twoClientsAtOnce_eachGetsItsOwnAnswer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (String tag : List.of("one", "two", "three", "four", "five", "six")) {
        Callable<String> ask =
            () -> text(hosted(List.of("config", "--images"), Map.of("TAG", tag)), 1);
        answers.add(pool.submit(ask));
      }
      List<String> tags = List.of("one", "two", "three", "four", "five", "six");
      for (int i = 0; i < tags.size(); i++) {
        assertThat(answers.get(i).get(20, TimeUnit.SECONDS))
            .isEqualTo("nginx:" + tags.get(i) + "\n");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void deadEngine_clientGivesUpAtOnce_andTakesItsRequestBack() throws Exception {
    server.close();
    Files.createDirectories(door);
    File gone = new File("/proc/999999999"); // no such process
    long start = System.nanoTime();
    DoorWire.Reply reply =
        ThinMain.ask(door.toFile(), gone, request(BUILD, List.of("version"), Map.of()));
    assertThat(reply).isNull();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4_000);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void noDoor_orNoPid_runsTheFullCli() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("JCOMPOSE_RUN_ROOT", dir.resolve("nowhere").toString());
    assertThat(ThinMain.viaDoor(new String[] {"version"}, env)).isEqualTo(-1);
    env.put("JCOMPOSE_RUN_ROOT", dir.resolve("run").toString());
    assertThat(ThinMain.viaDoor(new String[] {"up", "-d"}, env)).isEqualTo(-1);
  }

  private record Result(int code, String out, String err) {}

  private Result assertSameAsInProcess(List<String> argv, Map<String, String> env)
      throws Exception {
    DoorWire.Reply reply = hosted(argv, env);
    assertThat(reply.hosted()).as("hosted: %s", argv).isTrue();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        JcomposeCli.execute(
            new Invocation(
                new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, false, StandardCharsets.UTF_8),
                InputStream.nullInputStream(),
                env,
                dir,
                false),
            argv.toArray(new String[0]));
    assertThat(reply.exitCode()).as("exit code of %s", argv).isEqualTo(code);
    assertThat(text(reply, 1))
        .as("stdout of %s", argv)
        .isEqualTo(out.toString(StandardCharsets.UTF_8));
    assertThat(text(reply, 2))
        .as("stderr of %s", argv)
        .isEqualTo(err.toString(StandardCharsets.UTF_8));
    assertThat(leftovers()).isEmpty();
    return new Result(code, text(reply, 1), text(reply, 2));
  }

  private DoorWire.Reply hosted(List<String> argv, Map<String, String> env) throws IOException {
    return ThinMain.ask(door.toFile(), self, request(BUILD, argv, env));
  }

  private DoorWire.Request request(String build, List<String> argv, Map<String, String> env) {
    return new DoorWire.Request(build, argv, env, dir.toString(), "UTF-8", "UTF-8");
  }

  private static String text(DoorWire.Reply reply, int fd) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (DoorWire.Output o : reply.output()) {
      if (o.fd() == fd) {
        b.writeBytes(o.bytes());
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** What is left in the door besides the pid file once every client has its answer. */
  private List<String> leftovers() {
    String[] names = door.toFile().list();
    List<String> left = new ArrayList<>(Arrays.asList(names == null ? new String[0] : names));
    left.remove(DoorWire.PID);
    return left;
  }
}
