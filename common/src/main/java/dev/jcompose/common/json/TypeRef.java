package dev.jcompose.common.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** A generic type to read into: {@code TypeRef.listOf(ContainerSummary.class)}. */
public final class TypeRef<T> {
  private final Type type;

  private TypeRef(Type type) {
    this.type = type;
  }

  public Type type() {
    return type;
  }

  public static <T> TypeRef<T> of(Class<T> type) {
    return new TypeRef<>(type);
  }

  public static <E> TypeRef<List<E>> listOf(Class<E> element) {
    return new TypeRef<>(parameterized(List.class, element));
  }

  public static <V> TypeRef<Map<String, V>> mapOf(Class<V> value) {
    return new TypeRef<>(parameterized(Map.class, String.class, value));
  }

  public static <V> TypeRef<SortedMap<String, V>> sortedMapOf(Class<V> value) {
    return new TypeRef<>(parameterized(SortedMap.class, String.class, value));
  }

  /** {@code value}, made by the binder for this type, as a T. */
  @SuppressWarnings("unchecked") // the binder makes what the type describes
  T cast(Object value) {
    return (T) value;
  }

  private static Type parameterized(Class<?> raw, Type... args) {
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return args.clone();
      }

      @Override
      public Type getRawType() {
        return raw;
      }

      @Override
      public Type getOwnerType() {
        return null;
      }

      @Override
      public String getTypeName() {
        return raw.getName() + Arrays.toString(args).replace('[', '<').replace(']', '>');
      }
    };
  }
}
