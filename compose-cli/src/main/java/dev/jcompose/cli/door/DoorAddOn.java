package dev.jcompose.cli.door;

import dev.jcompose.cli.command.CommandContext;
import dev.jcompose.scheduler.api.EngineAddOn;
import dev.jcompose.scheduler.api.EngineVerbs;
import java.nio.file.Path;
import java.util.Map;

/** Opens the door in the engine (registered in META-INF/services for {@link EngineAddOn}). */
public final class DoorAddOn implements EngineAddOn {
  @Override
  public AutoCloseable start(Path runRoot, Map<String, String> env, EngineVerbs verbs)
      throws Exception {
    CommandContext.hostedBy(verbs);
    return DoorServer.open(
        runRoot.resolve("door"),
        DoorWire.identity(System.getProperty("java.class.path")),
        ProcessHandle.current().pid());
  }
}
