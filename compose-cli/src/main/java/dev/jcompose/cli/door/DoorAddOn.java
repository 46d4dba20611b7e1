package dev.jcompose.cli.door;

import dev.jcompose.scheduler.api.EngineAddOn;
import java.nio.file.Path;
import java.util.Map;

/** Opens the door in the engine (registered in META-INF/services for {@link EngineAddOn}). */
public final class DoorAddOn implements EngineAddOn {
  @Override
  public AutoCloseable start(Path runRoot, Map<String, String> env) throws Exception {
    return DoorServer.open(
        runRoot.resolve("door"),
        DoorWire.identity(System.getProperty("java.class.path")),
        ProcessHandle.current().pid());
  }
}
