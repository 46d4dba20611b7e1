package dev.jcompose.builder.context;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Content digests of selected sources as BuildKit's contenthash defines them: names, types,
 * permission bits, link targets and file contents; not times or owners, so a touched but unchanged
 * file keeps its digest. File hashes are remembered per (path, size, mtime, ctime, inode), which
 * makes a rebuild of an unchanged context read no file. Thread-safe; one per engine.
 */
public final class ContextHasher {
  private record Stamp(long size, long mtime, long ctime, Object inode, String sha) {}

  private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();

  public String digest(List<BuildContext.Source> sources) {
    MessageDigest all = Digest.newSha256();
    for (BuildContext.Source s : sources) {
      line(all, "source", s.name());
      for (ContextEntry e : s.entries()) {
        line(
            all,
            e.rel(),
            e.kind().name(),
            Integer.toOctalString(e.mode()),
            e.linkTarget(),
            e.kind() == ContextEntry.Kind.FILE ? fileSha(e.host()) : "");
      }
    }
    return "sha256:" + HexFormat.of().formatHex(all.digest());
  }

  private static void line(MessageDigest d, String... parts) {
    for (String p : parts) {
      byte[] b = String.valueOf(p).getBytes(StandardCharsets.UTF_8);
      d.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
      d.update(b);
    }
    d.update((byte) '\n');
  }

  /**
   * The sha256 hex of a regular file's content, from the stamp cache when the file is unchanged.
   */
  public String fileSha(Path file) {
    try {
      Map<String, Object> a =
          Files.readAttributes(
              file, "unix:size,lastModifiedTime,ctime,ino", LinkOption.NOFOLLOW_LINKS);
      long size = (Long) a.get("size");
      long mtime = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
      long ctime = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
      Object ino = a.get("ino");
      Stamp known = stamps.get(file);
      if (known != null
          && known.size == size
          && known.mtime == mtime
          && known.ctime == ctime
          && known.inode.equals(ino)) {
        return known.sha;
      }
      String sha = hash(file);
      stamps.put(file, new Stamp(size, mtime, ctime, ino, sha));
      return sha;
    } catch (IOException e) {
      throw new BuildException(
          BuildException.Kind.INVALID, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String hash(Path file) throws IOException {
    MessageDigest d = Digest.newSha256();
    byte[] buf = new byte[1 << 17];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }
}
