package dev.jcompose.runtime.image.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds layer tars in memory, including the malicious shapes the unpacker must refuse. */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  public TarBuilder dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    return put(e, null);
  }

  public TarBuilder file(String name, String content, int mode) {
    return file(name, content, mode, 0, 0);
  }

  public TarBuilder file(String name, String content, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    e.setSize(data.length);
    e.setMode(0100000 | mode);
    e.setIds(uid, gid);
    e.setModTime(1_600_000_000_000L);
    return put(e, data);
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return put(e, null);
  }

  public TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return put(e, null);
  }

  public TarBuilder charDevice(String name, int major, int minor) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_CHR, true);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    e.setMode(0666);
    return put(e, null);
  }

  public TarBuilder fifo(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
    e.setMode(0644);
    return put(e, null);
  }

  public TarBuilder withXattr(String name, String content, String xattr, String value) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    e.setSize(data.length);
    e.setMode(0100644);
    e.addPaxHeader("SCHILY.xattr." + xattr, value);
    return put(e, data);
  }

  private TarBuilder put(TarArchiveEntry e, byte[] data) {
    try {
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public byte[] tar() {
    try {
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }
}
