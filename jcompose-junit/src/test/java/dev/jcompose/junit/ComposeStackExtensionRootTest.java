package dev.jcompose.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension as a user writes it: a stack for this class, endpoints in fields and parameters.
 */
@Tag("root")
@ExtendWith(StopEngineAtEnd.class)
@ComposeStack("src/test/resources/stacks/web/compose.yaml")
class ComposeStackExtensionRootTest {
  static RunningStack stack;

  @Endpoint("web:8000")
  ServiceEndpoint web;

  @Test
  void field_resolvesThePublishedPort_whichAnswers() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(web.uri("http", "/")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hello-from-web\n");
  }

  @Test
  void parameter_resolvesTheSameEndpoint(
      @Endpoint("web:8000") ServiceEndpoint param, RunningStack running) {
    assertThat(param).isEqualTo(web);
    assertThat(param.host()).isEqualTo("127.0.0.1");
    assertThat(running.projectName()).isEqualTo(stack.projectName()).matches("web-[0-9a-f]{8}");
  }
}
