package dev.jcompose.e2e;

import dev.jcompose.testkit.HostChecks;
import org.junit.jupiter.api.AfterEach;

/**
 * Scenarios where every test brings up its own project in {@link #jc}: afterwards it is torn down
 * (containers, networks, volumes, engine, temp root) and the host is checked for leftovers.
 */
public abstract class OneProjectPerTest {
  protected Jcompose jc;

  @AfterEach
  public void tearDownProjectAndCheckLeaks() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }
}
