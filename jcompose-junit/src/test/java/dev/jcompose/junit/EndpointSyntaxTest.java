package dev.jcompose.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure parts: the @Endpoint syntax and unique project names. */
class EndpointSyntaxTest {
  private final List<String> asked = new ArrayList<>();
  private final RunningStack stack =
      new RunningStack() {
        @Override
        public String projectName() {
          return "p";
        }

        @Override
        public ServiceEndpoint endpoint(String service, int port, String protocol) {
          asked.add(service + " " + port + " " + protocol);
          return new ServiceEndpoint(service, port, "127.0.0.1", 40000 + port);
        }

        @Override
        public List<String> logs(String service, int lines) {
          return List.of();
        }
      };

  @Test
  void endpoint_servicePortAndProtocol_areParsed() {
    assertThat(ComposeStackExtension.endpoint(stack, "web:8000")).hasToString("127.0.0.1:48000");
    ComposeStackExtension.endpoint(stack, "dns:53/udp");
    assertThat(asked).containsExactly("web 8000 tcp", "dns 53 udp");
  }

  @Test
  void endpoint_withoutPort_saysWhatIsExpected() {
    assertThatThrownBy(() -> ComposeStackExtension.endpoint(stack, "web"))
        .isInstanceOf(ComposeStackException.class)
        .hasMessageContaining("expected SERVICE:PORT");
  }

  @Test
  void uri_bracketsIpv6() {
    assertThat(new ServiceEndpoint("web", 80, "::1", 8080).uri("http", "/x"))
        .hasToString("http://[::1]:8080/x");
  }

  @ComposeStack(value = "stacks/Web App/compose.yaml", shared = true)
  static class Annotated {}

  @Test
  void projectName_isTheDirectoryPlusARandomSuffix_inComposeAlphabet() {
    StackSpec spec =
        StackSpec.of(Annotated.class.getAnnotation(ComposeStack.class), Path.of("/srv"));
    assertThat(spec.files()).containsExactly(Path.of("/srv/stacks/Web App/compose.yaml"));
    assertThat(spec.uniqueProjectName())
        .matches("web-app-[0-9a-f]{8}")
        .isNotEqualTo(spec.uniqueProjectName());
    assertThat(spec)
        .isEqualTo(
            StackSpec.of(Annotated.class.getAnnotation(ComposeStack.class), Path.of("/srv")));
  }
}
