package dev.jcompose.runtime.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parse_bearerWithQuotedParams_readsAll() {
    AuthChallenge c =
        AuthChallenge.parse(
            "Bearer realm=\"https://auth.test/token\",service=\"registry.test\",scope=\"repository:library/busybox:pull\"");
    assertThat(c.scheme()).isEqualTo("bearer");
    assertThat(c.param("realm")).isEqualTo("https://auth.test/token");
    assertThat(c.param("service")).isEqualTo("registry.test");
    assertThat(c.param("scope")).isEqualTo("repository:library/busybox:pull");
  }

  @Test
  void parse_commaInsideQuotes_staysInValue() {
    AuthChallenge c = AuthChallenge.parse("Bearer realm=\"r\", scope=\"repository:a:pull,push\"");
    assertThat(c.param("scope")).isEqualTo("repository:a:pull,push");
  }

  @Test
  void parse_basicWithUnquotedRealm_works() {
    AuthChallenge c = AuthChallenge.parse("Basic realm=Registry");
    assertThat(c.scheme()).isEqualTo("basic");
    assertThat(c.param("realm")).isEqualTo("Registry");
  }

  @Test
  void parse_schemeOnly_hasNoParams() {
    assertThat(AuthChallenge.parse("Basic").params()).isEmpty();
  }
}
