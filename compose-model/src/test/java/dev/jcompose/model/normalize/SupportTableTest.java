package dev.jcompose.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.support.SupportTable;
import org.junit.jupiter.api.Test;

/** The support table covers every service attribute the loader accepts, and nothing else. */
class SupportTableTest {
  @Test
  void everyServiceAttribute_hasAnEntry() {
    assertThat(SupportTable.SERVICE.keySet())
        .containsExactlyInAnyOrderElementsOf(ServiceFields.SERVICE.fieldNames());
  }
}
