package dev.jcompose.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShimConfigTest {

  @Test
  void encode_lengthPrefixedRecordsWithNulSeparatedFields() {
    byte[] out =
        new ShimConfig().put("arg", "echo").put("mount", "bind", "/a", "/b", "1", "").encode();

    assertThat(new String(out, StandardCharsets.UTF_8))
        .isEqualTo("arg 4\necho\nmount 13\nbind\0/a\0/b\0001\0\n");
  }

  @Test
  void encode_valueWithNewlinesAndUtf8_countsBytes() {
    byte[] out = new ShimConfig().put("env", "X=a\nb é").encode();

    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("env 8\nX=a\nb é\n");
  }

  @Test
  void put_nulInValue_rejected() {
    assertThatThrownBy(() -> new ShimConfig().put("env", "A=\0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseError_errnoAndMessage() {
    ShimError e = ShimError.parse("err 2 exec: \"x\": executable file not found in $PATH");

    assertThat(e.errno()).isEqualTo(2);
    assertThat(e.toException("start").getMessage())
        .contains("executable file not found")
        .contains("errno 2");
    assertThat(ShimError.parse("pid 12")).isNull();
  }
}
