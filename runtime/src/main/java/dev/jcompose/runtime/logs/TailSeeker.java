package dev.jcompose.runtime.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds where the last N logical lines of one file begin by scanning backwards: a logical line ends
 * with an F record, so the start is just after the (N+1)-th F record counted from the end.
 */
final class TailSeeker {
  private static final int BLOCK = 64 * 1024;
  private static final int TAG_OFFSET = 38; // "<30-char ts> stdout F"

  /** Start offset, and how many whole lines lie after it (fewer than asked = whole file). */
  record Seek(long offset, int lines) {}

  private TailSeeker() {}

  static Seek lastLines(Path file, int lines) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long end = ch.size();
      int fullSeen = 0;
      long recordEnd = end; // offset just after the '\n' of the record being looked at
      byte[] block = new byte[BLOCK];
      long blockStart = end;
      while (blockStart > 0) {
        int len = (int) Math.min(BLOCK, blockStart);
        blockStart -= len;
        ch.read(ByteBuffer.wrap(block, 0, len), blockStart);
        for (int i = len - 1; i >= 0; i--) {
          if (block[i] != '\n' || blockStart + i + 1 == end) {
            continue;
          }
          long recStart = blockStart + i + 1; // a record starts after this newline
          if (isFull(ch, recStart) && ++fullSeen > lines) {
            return new Seek(recordEnd, lines);
          }
          recordEnd = recStart;
        }
      }
      // the first record has no newline before it
      if (recordEnd > 0 && isFull(ch, 0) && ++fullSeen > lines) {
        return new Seek(recordEnd, lines);
      }
      return new Seek(0, fullSeen);
    }
  }

  private static boolean isFull(FileChannel ch, long recStart) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return ch.read(one, recStart + TAG_OFFSET) == 1 && one.get(0) == 'F';
  }
}
