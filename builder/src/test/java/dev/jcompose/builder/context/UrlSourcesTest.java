package dev.jcompose.builder.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.jcompose.builder.api.BuildException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD's remote sources against a loopback HTTP server. */
class UrlSourcesTest {
  private static final byte[] BODY = "#!/bin/sh\necho installed\n".getBytes(StandardCharsets.UTF_8);
  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private String url;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/dl/install.sh",
        x -> {
          hits.incrementAndGet();
          x.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
          x.sendResponseHeaders(200, BODY.length);
          x.getResponseBody().write(BODY);
          x.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/dl/install.sh";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String sha(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void fetch_namesTheFileAfterTheUrlAndKeepsItsTime() throws Exception {
    UrlSources.Download d = new UrlSources(tmp).fetch(url, null);
    assertThat(d.name()).isEqualTo("install.sh");
    assertThat(Files.readAllBytes(d.file())).isEqualTo(BODY);
    assertThat(d.digest()).isEqualTo(sha(BODY));
    assertThat(d.mtimeMillis()).isEqualTo(1445412480000L);
  }

  @Test
  void fetch_withAMatchingChecksum_isNotDownloadedAgain() throws Exception {
    new UrlSources(tmp).fetch(url, sha(BODY));
    new UrlSources(tmp).fetch(url, sha(BODY));
    assertThat(hits).hasValue(1);
  }

  @Test
  void fetch_withAWrongChecksum_fails() {
    assertThatThrownBy(() -> new UrlSources(tmp).fetch(url, "sha256:" + "0".repeat(64)))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining("but --checksum says sha256:000");
  }
}
