package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped {@code examples/scale}: replicas behind one name, found through the embedded DNS. */
@Tag("root")
class ScaleExampleTest extends OneProjectPerTest {

  @Test
  void everyReplicaAnswers_underOneName_andScalingAddsAddresses() {
    jc = Jcompose.example("scale");
    jc.run(180, "up", "-d").assertOk();

    await().atMost(Duration.ofSeconds(30)).until(() -> answeringReplicas().size() == 3);
    assertThat(addresses()).hasSize(3);

    jc.run(180, "up", "-d", "--scale", "whoami=5").assertOk();

    assertThat(addresses()).hasSize(5);
    await().atMost(Duration.ofSeconds(30)).until(() -> answeringReplicas().size() == 5);
  }

  /** Hostnames the client's log says answered. */
  private Set<String> answeringReplicas() {
    return jc.run("logs", "--no-log-prefix", "--no-color", "client")
        .assertOk()
        .stdout()
        .lines()
        .filter(l -> l.contains("answered by "))
        .map(l -> l.substring(l.indexOf("answered by ") + "answered by ".length()).trim())
        .filter(h -> !h.isEmpty())
        .collect(Collectors.toSet());
  }

  /** The addresses the name "whoami" resolves to, asked from inside the client container. */
  private Set<String> addresses() {
    return jc.run("exec", "-T", "client", "nslookup", "whoami")
        .assertOk()
        .stdout()
        .lines()
        .filter(l -> l.startsWith("Address: "))
        .map(l -> l.substring("Address: ".length()).trim())
        .collect(Collectors.toSet());
  }
}
