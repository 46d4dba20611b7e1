package dev.jcompose.model.load;

import dev.jcompose.model.merge.VolumeSpec;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes the relative paths of a document absolute against a base directory (compose-go
 * paths/resolve.go), for documents whose directory is not the project's: files read by {@code
 * extends: {file: ...}} and included projects. Works on the raw (non-canonical) forms: build string
 * or context, env_file/label_file strings, lists or {@code path} entries, short and long bind
 * volumes, extends.file, develop.watch paths, top-level configs/secrets {@code file}, and local
 * volumes with {@code o: bind} devices. Remote build contexts are left alone.
 */
final class PathRebaser {
  private final Path base;
  private final String home;

  PathRebaser(Path base, String home) {
    this.base = base;
    this.home = home;
  }

  /** A rebased copy of {@code doc}. */
  MapNode rebase(MapNode doc) {
    MapNode out = doc.deepCopy();
    if (out.get("services") instanceof MapNode services) {
      services
          .entries()
          .values()
          .forEach(
              s -> {
                if (s instanceof MapNode m) {
                  service(m);
                }
              });
    }
    for (String kind : List.of("configs", "secrets")) {
      forEachMap(out.get(kind), r -> replace(r, "file", this::abs));
    }
    forEachMap(out.get("volumes"), this::volumeDriverOpts);
    return out;
  }

  private void service(MapNode s) {
    Node build = s.get("build");
    if (build instanceof ScalarNode b) {
      s.put("build", s.keyMark("build"), context(b));
    } else if (build instanceof MapNode b) {
      replace(b, "context", this::context);
      if (b.get("additional_contexts") instanceof MapNode ac) {
        ac.entries().replaceAll((k, v) -> v instanceof ScalarNode sv ? context(sv) : v);
      }
    }
    s.entries().computeIfPresent("env_file", (k, v) -> fileList(v, "path"));
    s.entries().computeIfPresent("label_file", (k, v) -> fileList(v, null));
    if (s.get("extends") instanceof MapNode ext) {
      replace(ext, "file", this::abs);
    }
    if (s.get("develop") instanceof MapNode dev && dev.get("watch") instanceof ListNode watch) {
      watch
          .items()
          .forEach(
              w -> {
                if (w instanceof MapNode wm) {
                  replace(wm, "path", this::abs);
                }
              });
    }
    if (s.get("volumes") instanceof ListNode vols) {
      vols.items().replaceAll(this::volume);
    }
  }

  private Node fileList(Node v, String key) {
    if (v instanceof ScalarNode sv) {
      return abs(sv);
    }
    if (v instanceof ListNode l) {
      List<Node> items = new ArrayList<>();
      for (Node item : l.items()) {
        if (item instanceof MapNode m && key != null) {
          replace(m, key, this::abs);
          items.add(m);
        } else {
          items.add(item instanceof ScalarNode s ? abs(s) : item);
        }
      }
      return new ListNode(l.mark(), l.directive(), items);
    }
    return v;
  }

  private Node volume(Node v) {
    if (v instanceof MapNode m) {
      if (m.get("type") instanceof ScalarNode t && "bind".equals(t.value())) {
        replace(m, "source", this::abs);
      }
      return m;
    }
    if (!(v instanceof ScalarNode s) || !(s.value() instanceof String spec)) {
      return v;
    }
    List<String> parts = VolumeSpec.split(spec);
    String src = parts.get(0);
    if (parts.size() < 2 || !(src.startsWith(".") || src.startsWith("~"))) {
      return v;
    }
    parts.set(0, absText(src));
    return new ScalarNode(s.mark(), s.directive(), String.join(":", parts), s.raw(), s.quoted());
  }

  private void volumeDriverOpts(MapNode vol) {
    if (vol.get("driver") instanceof ScalarNode d
        && "local".equals(d.value())
        && vol.get("driver_opts") instanceof MapNode opts
        && opts.get("o") instanceof ScalarNode o
        && "bind".equals(o.value())) {
      replace(opts, "device", this::abs);
    }
  }

  private Node context(ScalarNode s) {
    String v = s.text();
    boolean remote =
        v.contains("://")
            || v.startsWith("git@")
            || v.startsWith("github.com/")
            || v.startsWith("service:")
            || v.startsWith("target:");
    return remote ? s : abs(s);
  }

  private ScalarNode abs(Node n) {
    ScalarNode s = (ScalarNode) n;
    if (!(s.value() instanceof String v) || v.isEmpty()) {
      return s;
    }
    return new ScalarNode(s.mark(), s.directive(), absText(v), s.raw(), s.quoted());
  }

  /** compose-go absPath: expand {@code ~}, keep absolute paths, join relative ones to the base. */
  String absText(String v) {
    if (v.equals("~") || v.startsWith("~/")) {
      v = home + v.substring(1);
    }
    Path p = Path.of(v);
    return p.isAbsolute() ? v : base.resolve(p).normalize().toString();
  }

  private static void replace(MapNode m, String key, Function<ScalarNode, Node> f) {
    if (m.get(key) instanceof ScalarNode s) {
      m.entries().put(key, f.apply(s));
    }
  }

  private static void forEachMap(Node n, Consumer<MapNode> f) {
    if (n instanceof MapNode m) {
      m.entries()
          .values()
          .forEach(
              v -> {
                if (v instanceof MapNode vm) {
                  f.accept(vm);
                }
              });
    }
  }
}
