package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.MapNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and parses compose files once per load ("-" is stdin, read at most once). */
final class FileSource {
  /** The name under which override documents are read (and named in errors). */
  static final String OVERRIDE = "<command line>";

  private final InputStream stdin;
  private final Map<String, List<MapNode>> cache = new HashMap<>();
  private final Map<String, String> inMemory = new HashMap<>();

  FileSource(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Registers override documents; returns the names to load them by, in order. */
  List<String> overrides(List<String> documents) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String name = documents.size() == 1 ? OVERRIDE : OVERRIDE + "#" + (i + 1);
      inMemory.put(name, documents.get(i));
      names.add(name);
    }
    return names;
  }

  /** The YAML documents of {@code file} (an absolute path or "-"). */
  List<MapNode> documents(String file) {
    return cache.computeIfAbsent(file, f -> YamlReader.read(content(f), f));
  }

  private String content(String file) {
    if (inMemory.containsKey(file)) {
      return inMemory.get(file);
    }
    try {
      if (file.equals("-")) {
        if (stdin == null) {
          throw new ComposeFileException("no standard input to read the compose file \"-\" from");
        }
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ComposeFileException("open " + file + ": no such file or directory", e);
    } catch (IOException e) {
      throw new ComposeFileException("failed to read " + file + ": " + e.getMessage(), e);
    }
  }
}
