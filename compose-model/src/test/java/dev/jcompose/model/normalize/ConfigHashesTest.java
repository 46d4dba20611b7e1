package dev.jcompose.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jcompose.model.api.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigHashesTest {
  /**
   * What earlier versions hashed: Jackson with sorted map keys. Equal text = no recreation after an
   * upgrade.
   */
  private static final ObjectMapper JACKSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  static Stream<String> goldenFiles() throws Exception {
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/golden"))) {
      return dirs.map(d -> d.resolve("compose.yaml").toString()).toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenFiles")
  void json_isJacksonsSortedJson_forEveryGoldenService(String file) throws Exception {
    CanonicalProject p = Fixtures.canonical(Files.readString(Path.of(file)));
    for (Map<String, Object> service : p.services().values()) {
      Map<String, Object> stripped = ConfigHashes.strip(service);
      assertThat(ConfigHashes.json(stripped)).isEqualTo(JACKSON.writeValueAsString(stripped));
    }
  }

  @Test
  void json_escapesLikeJackson() throws Exception {
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put(
        "z",
        List.of("tab\there", "quote\" back\\slash", "ctl\u0001\u001f", "ünï €", 1.5, 2L, true));
    odd.put("a", null);
    assertThat(ConfigHashes.json(odd)).isEqualTo(JACKSON.writeValueAsString(odd));
  }

  @Test
  void hash_ignoresScaleReplicasDependsOnPullPolicyAndBuild() {
    String base = "services:\n  db: {image: postgres}\n  web:\n    image: nginx\n";
    String hash = web(base).configHash();
    assertThat(
            web(base
                    + "    scale: 3\n    depends_on: [db]\n    pull_policy: always\n    build: .\n")
                .configHash())
        .isEqualTo(hash);
    assertThat(
            web(base.replace("image: nginx\n", "image: nginx\n    deploy: {replicas: 2}\n"))
                .configHash())
        .isNotEqualTo(hash) // deploy itself is part of the service, only its replicas are not:
        .isEqualTo(
            web(base.replace("image: nginx\n", "image: nginx\n    deploy: {replicas: 5}\n"))
                .configHash());
    assertThat(web(base.replace("nginx", "nginx:1.25")).configHash()).isNotEqualTo(hash);
  }

  private static Service web(String yaml) {
    return Fixtures.load(yaml).project().services().get("web");
  }
}
