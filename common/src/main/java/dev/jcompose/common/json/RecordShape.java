package dev.jcompose.common.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/** A record class as JSON sees it: its components' names, accessors and canonical constructor. */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES =
      new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
          return new RecordShape(type);
        }
      };

  private final RecordComponent[] components;
  private final String[] names;
  private final Method[] accessors;
  private final Type[] types;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    components = type.getRecordComponents();
    names = new String[components.length];
    accessors = new Method[components.length];
    types = new Type[components.length];
    Class<?>[] raw = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      RecordComponent rc = components[c];
      JsonName name = rc.getAnnotation(JsonName.class);
      names[c] = name != null ? name.value() : rc.getName();
      accessors[c] = rc.getAccessor();
      accessors[c].setAccessible(true);
      types[c] = rc.getGenericType();
      raw[c] = rc.getType();
    }
    try {
      constructor = type.getDeclaredConstructor(raw);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new JsonException("no canonical constructor in " + type.getName(), e);
    }
  }

  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  RecordComponent[] components() {
    return components;
  }

  String name(int c) {
    return names[c];
  }

  Type type(int c) {
    return types[c];
  }

  Object get(Record r, int c) {
    try {
      return accessors[c].invoke(r);
    } catch (IllegalAccessException e) {
      throw new JsonException("cannot read " + names[c] + " of " + r.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      throw new JsonException(
          "cannot read " + names[c] + " of " + r.getClass().getName(), e.getCause());
    }
  }

  Object create(Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new JsonException(
          "invalid " + constructor.getDeclaringClass().getSimpleName() + ": " + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException e) {
      throw new JsonException("cannot make " + constructor.getDeclaringClass().getName(), e);
    }
  }
}
