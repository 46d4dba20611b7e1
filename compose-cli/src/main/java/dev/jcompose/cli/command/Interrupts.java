package dev.jcompose.cli.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (and SIGTERM) handling for verbs that own the terminal: the first signal runs {@code
 * graceful}, later ones run {@code force}. Both run on their own thread so a blocking stop never
 * delays the handling of the next signal. The JVM's own exit on SIGINT is replaced: the verb
 * decides when to return.
 *
 * <p>The JDK has no public API for this; {@code sun.misc.Signal} (module jdk.unsupported) is the
 * one every JVM tool uses. It is reached by reflection so that the build's -Werror does not trip on
 * javac's mandatory "internal proprietary API" warning, which no option suppresses.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(Runnable graceful, Runnable force) {
    AtomicInteger count = new AtomicInteger();
    InvocationHandler onSignal =
        (proxy, method, args) -> {
          if (!method.getName().equals("handle")) {
            return method.invoke(count, args); // toString/hashCode/equals of the proxy
          }
          Runnable action = count.incrementAndGet() == 1 ? graceful : force;
          Thread t = new Thread(action, "jcompose-interrupt");
          t.setDaemon(true);
          t.start();
          return null;
        };
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              Interrupts.class.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
      Method handle = signal.getMethod("handle", signal, handlerType);
      for (String name : new String[] {"INT", "TERM"}) {
        handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Without it Ctrl-C ends the JVM at once: containers keep running, as with docker compose's
      // second Ctrl-C.
      System.getLogger(Interrupts.class.getName())
          .log(System.Logger.Level.DEBUG, "no signal handling: " + e);
    }
  }
}
