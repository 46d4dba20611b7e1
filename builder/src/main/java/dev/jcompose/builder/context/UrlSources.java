package dev.jcompose.builder.context;

import dev.jcompose.builder.api.BuildException;
import dev.jcompose.builder.api.BuildException.Kind;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remote ADD sources: downloaded once per build into a content-addressed directory, checked against
 * {@code --checksum} when given (a file already there under that digest is not fetched again). The
 * file keeps the URL's last path element as its name and the Last-Modified time as its mtime, as
 * docker does.
 */
public final class UrlSources {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final Path dir;
  private final HttpClient http;
  private final Map<String, Download> fetched = new ConcurrentHashMap<>();

  public UrlSources(Path dir) {
    this.dir = dir;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * A downloaded source: the file, its content digest, the name to copy it as, its mtime (ms, 0 =
   * unknown).
   */
  public record Download(Path file, String digest, String name, long mtimeMillis) {}

  public Download fetch(String url, String checksum) {
    return fetched.computeIfAbsent(url + "|" + checksum, k -> download(url, checksum));
  }

  private Download download(String url, String checksum) {
    String name = fileName(url);
    if (checksum != null && Files.isRegularFile(blob(checksum))) {
      return new Download(blob(checksum), checksum, name, 0);
    }
    try {
      Files.createDirectories(dir);
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() / 100 != 2) {
        response.body().close();
        throw new BuildException(
            Kind.UNAVAILABLE, "ADD " + url + ": the server answered " + response.statusCode());
      }
      Path temp = Files.createTempFile(dir, "download-", ".part");
      MessageDigest sha = Digest.newSha256();
      try (InputStream in = response.body();
          OutputStream out = Files.newOutputStream(temp)) {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          sha.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      String digest = "sha256:" + HexFormat.of().formatHex(sha.digest());
      if (checksum != null && !checksum.equals(digest)) {
        Files.deleteIfExists(temp);
        throw new BuildException(
            Kind.INVALID,
            "ADD "
                + url
                + ": the content has digest "
                + digest
                + " but --checksum says "
                + checksum);
      }
      Files.move(
          temp, blob(digest), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Download(blob(digest), digest, name, lastModified(response));
    } catch (IOException e) {
      throw new BuildException(Kind.UNAVAILABLE, "ADD " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException(Kind.UNAVAILABLE, "ADD " + url + ": interrupted", e);
    }
  }

  private Path blob(String digest) {
    return dir.resolve(digest.substring("sha256:".length()));
  }

  static String fileName(String url) {
    String path = URI.create(url).getPath();
    String base = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return base.isEmpty() || base.equals(".") ? "__unnamed__" : base;
  }

  private static long lastModified(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Last-Modified")
        .map(
            v -> {
              try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
              } catch (RuntimeException e) {
                return 0L;
              }
            })
        .orElse(0L);
  }
}
