package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Instruction;
import dev.jcompose.builder.dockerfile.InstructionParser.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names a stage reads from (COPY --from, RUN --mount from=), as written, to find the stages a
 * target needs.
 */
final class StageDeps {
  private StageDeps() {}

  static List<String> froms(Stage stage) {
    List<String> out = new ArrayList<>();
    for (Instruction i : stage.body()) {
      if (i instanceof Instruction.Copy c && c.from() != null) {
        out.add(c.from());
      } else if (i instanceof Instruction.Run r) {
        for (String m : r.mounts()) {
          for (String field : RunMounts.csv(m)) {
            if (field.toLowerCase(Locale.ROOT).startsWith("from=")) {
              out.add(field.substring(5));
            }
          }
        }
      }
    }
    return out;
  }
}
