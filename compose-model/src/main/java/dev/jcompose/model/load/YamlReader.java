package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads compose YAML into {@link MapNode} documents: snakeyaml-engine composes the node graph (no
 * construction, so no Java typing rules), {@link YamlNodes} converts it with go-yaml's rules.
 *
 * <p>Every document of a multi-document file is returned; compose-go merges them in order as if
 * they were successive files. A document that is not a mapping is an error ("top-level object must
 * be a mapping"); an empty file has no documents.
 */
public final class YamlReader {
  private YamlReader() {}

  /** Parses {@code content}; {@code file} is the name used in marks and messages. */
  public static List<MapNode> read(String content, String file) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new FailsafeSchema())
            .setMaxAliasesForCollections(10_000)
            .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both lines
            .setCodePointLimit(64 * 1024 * 1024)
            .build();
    List<MapNode> docs = new ArrayList<>();
    try {
      for (org.snakeyaml.engine.v2.nodes.Node doc :
          new Compose(settings).composeAllFromString(content)) {
        Node node = new YamlNodes(file).convert(doc);
        if (!(node instanceof MapNode map)) {
          throw new ComposeFileException(node.mark() + ": top-level object must be a mapping");
        }
        docs.add(map);
      }
    } catch (MarkedYamlEngineException e) {
      Mark at = e.getProblemMark().map(m -> YamlNodes.mark(file, m)).orElse(new Mark(file, 0, 0));
      throw new ComposeFileException(
          at + ": failed to parse " + file + ": " + oneLine(e.getProblem()), e);
    } catch (YamlEngineException e) {
      throw new ComposeFileException("failed to parse " + file + ": " + oneLine(e.getMessage()), e);
    }
    return docs;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').trim();
  }
}
