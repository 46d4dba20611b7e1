package dev.jcompose.model.tree;

/** Where a node came from: file (as the user named it), 1-based line and column. */
public record Mark(String file, int line, int column) {
  public static final Mark UNKNOWN = new Mark("", 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
