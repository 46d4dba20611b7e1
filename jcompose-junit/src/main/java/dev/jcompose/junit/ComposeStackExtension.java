package dev.jcompose.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ComposeStack}. The stack lives in a JUnit store: the test class's (so
 * JUnit closes it — {@code down -v} — after the class's last test, and {@code @Nested} classes find
 * their enclosing class's), or for {@code shared = true} the root context's, keyed by the spec, so
 * it goes down when the test run ends.
 */
public final class ComposeStackExtension
    implements BeforeAllCallback,
        TestInstancePostProcessor,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(ComposeStackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Stack stack = stack(context);
    inject(context.getRequiredTestClass(), null, stack);
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context)
      throws IllegalAccessException {
    inject(instance.getClass(), instance, stack(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RunningStack.class
        || (type == ServiceEndpoint.class && parameter.isAnnotated(Endpoint.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Stack stack = stack(context);
    if (parameter.getParameter().getType() == RunningStack.class) {
      return stack;
    }
    String spec = parameter.findAnnotation(Endpoint.class).orElseThrow().value();
    try {
      return endpoint(stack, spec);
    } catch (ComposeStackException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withLogs(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withLogs(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withLogs(context, failure);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withLogs(context, failure);
  }

  /** The failure, with the logs of the stack's failing services attached (if the stack is up). */
  private static Throwable withLogs(ExtensionContext context, Throwable failure) {
    started(context).ifPresent(s -> s.attachFailingLogs(failure));
    return failure;
  }

  private static Stack stack(ExtensionContext context) {
    StackSpec spec = spec(context);
    return store(context, spec)
        .getOrComputeIfAbsent(
            spec, s -> Stack.up(spec, System.getenv(), workingDir()), Stack.class);
  }

  private static Optional<Stack> started(ExtensionContext context) {
    StackSpec spec = spec(context);
    return Optional.ofNullable(store(context, spec).get(spec, Stack.class));
  }

  private static ExtensionContext.Store store(ExtensionContext context, StackSpec spec) {
    return spec.shared() ? context.getRoot().getStore(NS) : context.getStore(NS);
  }

  /** The annotation of the test class, or of the class enclosing a {@code @Nested} one. */
  private static StackSpec spec(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<ComposeStack> a = AnnotationSupport.findAnnotation(c, ComposeStack.class);
      if (a.isPresent()) {
        return StackSpec.of(a.get(), workingDir());
      }
    }
    throw new ComposeStackException(
        "no @ComposeStack on " + context.getRequiredTestClass().getName());
  }

  private static Path workingDir() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath();
  }

  /** {@code "web:8000"} or {@code "dns:53/udp"}. */
  static ServiceEndpoint endpoint(RunningStack stack, String spec) {
    String[] portProto = spec.substring(spec.lastIndexOf(':') + 1).split("/", 2);
    int colon = spec.lastIndexOf(':');
    if (colon <= 0 || !portProto[0].matches("\\d+")) {
      throw new ComposeStackException(
          "@Endpoint(\"" + spec + "\"): expected SERVICE:PORT[/PROTOCOL], e.g. web:8000");
    }
    return stack.endpoint(
        spec.substring(0, colon),
        Integer.parseInt(portProto[0]),
        portProto.length > 1 ? portProto[1] : "tcp");
  }

  /**
   * Sets the static ({@code instance == null}) or instance fields typed ServiceEndpoint
   * (with @Endpoint) or RunningStack.
   */
  private static void inject(Class<?> type, Object instance, Stack stack)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) != (instance == null)) {
          continue;
        }
        Object value =
            f.getType() == RunningStack.class
                ? stack
                : f.getType() == ServiceEndpoint.class && f.isAnnotationPresent(Endpoint.class)
                    ? endpoint(stack, f.getAnnotation(Endpoint.class).value())
                    : null;
        if (value != null) {
          f.setAccessible(true);
          f.set(instance, value);
        }
      }
    }
  }
}
