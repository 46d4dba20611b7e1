package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node-tree to plain Java values, and the few Go formatting rules values need on the way. */
public final class Plain {
  private Plain() {}

  /** Maps become GoMaps (sorted), lists ArrayLists, scalars their value. */
  public static Object of(Node node) {
    if (node instanceof MapNode m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, v) -> out.put(k, of(v)));
      return GoMap.sorted(out);
    }
    if (node instanceof ListNode l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(n -> out.add(of(n)));
      return out;
    }
    return node == null ? null : ((ScalarNode) node).value();
  }

  /** Go's fmt.Sprint of a YAML scalar value (used where compose stringifies numbers/bools). */
  static String sprint(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return goFloat(d, false);
    }
    return String.valueOf(v);
  }

  /** Go's shortest float formatting: %v style, or JSON style (exponent thresholds differ). */
  static String goFloat(double d, boolean json) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return String.valueOf((long) d);
    }
    String s = String.valueOf(d);
    if (s.contains("E")) {
      s = new BigDecimal(d).round(new MathContext(17)).stripTrailingZeros().toString();
      s = s.replace("E", "e");
      return s;
    }
    return s;
  }

  /** Go formatting of a float32 (cpus): shortest repr that round-trips as float32. */
  static Object float32(double d) {
    float f = (float) d;
    if (f == Math.rint(f)) {
      return (long) f;
    }
    return Double.valueOf(Float.toString(f));
  }
}
