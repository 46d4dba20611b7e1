package dev.jcompose.cli.console;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a command line: where it writes (stdout, stderr), what it reads (stdin), the caller's
 * environment and working directory, and whether the caller sits at a terminal. The CLI's own
 * process is one; the engine runs hosted verbs ({@code ps}, {@code config}...) for a thin client
 * with the client's. Commands reach these through {@link #current()}, never through {@code
 * System.out}/{@code System.getenv()}/the process's working directory, so two invocations on two
 * threads of one JVM share nothing.
 */
public final class Invocation {
  private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Map<String, String> env;
  private final Path cwd;

  /** TRUE/FALSE as given; null: ask this JVM (the process's own), or refuse (a hosted run). */
  private final Boolean terminal;

  private final boolean hosted;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * An invocation with its own streams and surroundings; {@code terminal} says whether the caller's
   * stdin and stdout are a terminal.
   */
  public Invocation(
      PrintStream out,
      PrintStream err,
      InputStream in,
      Map<String, String> env,
      Path cwd,
      boolean terminal) {
    this(out, err, in, Map.copyOf(env), cwd, Boolean.valueOf(terminal), false);
  }

  /**
   * A hosted run's invocation (the engine runs it for a thin client): the client does not say
   * whether it sits at a terminal — asking costs its JVM a console provider lookup — so the verbs
   * that may be hosted must not ask ({@link #terminal()} throws).
   */
  public static Invocation hosted(
      PrintStream out, PrintStream err, Map<String, String> env, Path cwd) {
    return new Invocation(
        out, err, InputStream.nullInputStream(), Map.copyOf(env), cwd, (Boolean) null, true);
  }

  private Invocation(
      PrintStream out,
      PrintStream err,
      InputStream in,
      Map<String, String> env,
      Path cwd,
      Boolean terminal,
      boolean hosted) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.cwd = cwd;
    this.terminal = terminal;
    this.hosted = hosted;
  }

  /**
   * This process's own streams, environment and working directory, read when asked (null fields):
   * tests replace System.out between commands.
   */
  private static final Invocation PROCESS = process();

  /** A new run with this process's own streams, environment and working directory. */
  public static Invocation process() {
    return new Invocation(null, null, null, null, null, (Boolean) null, false);
  }

  /** The invocation the calling thread runs for: the process's own unless one is bound. */
  public static Invocation current() {
    Invocation i = CURRENT.get();
    return i == null ? PROCESS : i;
  }

  /** Runs {@code body} on this thread as {@code invocation}, then unbinds it. */
  public static <T> T run(Invocation invocation, Callable<T> body) throws Exception {
    Invocation before = CURRENT.get();
    CURRENT.set(invocation);
    try {
      return body.call();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  public PrintStream out() {
    return out != null ? out : System.out;
  }

  public PrintStream err() {
    return err != null ? err : System.err;
  }

  public InputStream in() {
    return in != null ? in : System.in;
  }

  public Map<String, String> env() {
    return env != null ? env : System.getenv();
  }

  /** An environment variable of the caller, or null. */
  public String env(String name) {
    return env().get(name);
  }

  /** The caller's working directory (absolute). */
  public Path cwd() {
    return cwd != null ? cwd : Path.of("").toAbsolutePath();
  }

  /**
   * Whether the caller's stdin and stdout are a terminal (JDK 17: System.console() is null
   * otherwise); asked of the JVM only for the process's own invocation.
   */
  @SuppressWarnings("SystemConsoleNull") // the project targets JDK 17, where null means no terminal
  public boolean terminal() {
    if (terminal != null) {
      return terminal;
    }
    if (hosted) {
      throw new IllegalStateException(
          "a hosted verb asked whether the caller is at a terminal: it cannot be hosted");
    }
    return System.console() != null;
  }

  /** Whether {@code message} is warned about for the first time in this invocation. */
  public boolean firstWarning(String message) {
    return warned.add(message);
  }
}
