package dev.jcompose.model.normalize;

import java.util.LinkedHashMap;

/**
 * A canonical value that is a Go struct held BY VALUE in compose-go's types (e.g. {@code
 * deploy.resources}, a network's {@code ipam}): encoding/json prints it even when empty ({@code
 * "ipam": {}}) while yaml.v3 omits it when every field is zero. Keys are in Go field order. Structs
 * held by pointer are plain {@link LinkedHashMap}s.
 */
public final class GoStruct extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;
}
