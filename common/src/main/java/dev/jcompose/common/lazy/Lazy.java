package dev.jcompose.common.lazy;

import java.util.function.Supplier;

/** A supplier that builds its value once, on first use; thread-safe. */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private volatile T value;

  private Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  public static <T> Supplier<T> of(Supplier<T> factory) {
    return factory instanceof Lazy<T> ? factory : new Lazy<>(factory);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = factory.get();
          value = v;
        }
      }
    }
    return v;
  }
}
