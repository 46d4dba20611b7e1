package dev.jcompose.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Column alignment as Go's {@code tabwriter} with docker's settings (minwidth 10, padding 3, space
 * padding): every column but the last is as wide as its widest cell plus 3, at least 10; the last
 * column is not padded. Widths count code points, which is what users see for the ASCII and the
 * ellipsis docker prints.
 */
public final class TabTable {
  private static final int MIN_WIDTH = 10;
  private static final int PADDING = 3;
  private final List<List<String>> rows = new ArrayList<>();

  public TabTable row(List<String> cells) {
    rows.add(cells);
    return this;
  }

  public String render() {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size() - 1; i++) {
        widths[i] = Math.max(widths[i], Math.max(MIN_WIDTH, width(row.get(i)) + PADDING));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        sb.append(cell);
        if (i < row.size() - 1) {
          sb.append(" ".repeat(widths[i] - width(cell)));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
