package dev.jcompose.scheduler.client;

import dev.jcompose.common.lazy.Lazy;
import dev.jcompose.netmgr.NetworkManagers;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.ContainerFileWriter;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.image.RegistryConfig;
import dev.jcompose.runtime.image.RegistryImageService;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.runtime.volume.LocalVolumeService;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.api.EngineControl;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.host.HostVerbs;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Wires the CLI's compose service: the engine client (engine started on demand) and the host verbs
 * over the real stores of the environment's state roots. Found by {@link ComposeServices} through
 * META-INF/services.
 */
public final class ClientProvider implements ComposeServices.Provider {

  @Override
  public ComposeService compose(Map<String, String> env, CallSettings settings) {
    RuntimePaths paths = RuntimePaths.fromEnvironment(env);
    return compose(
        env,
        settings,
        Lazy.of(() -> EngineLauncher.forThisJvm(env).ensureRunning()),
        () -> EngineLauncher.accepts(RemoteComposeService.socketOf(paths)));
  }

  @Override
  public ComposeService inEngine(
      Map<String, String> env, CallSettings settings, EngineVerbs engine) {
    // the engine runs: no connect to its own socket, no JSON round trip of the answer
    return compose(env, settings, () -> engine, () -> true);
  }

  private static ComposeService compose(
      Map<String, String> env,
      CallSettings settings,
      Supplier<EngineVerbs> engine,
      BooleanSupplier engineRuns) {
    RuntimePaths paths = RuntimePaths.fromEnvironment(env);
    Supplier<ContainerRuntime> runtime =
        Lazy.of(() -> new LinuxContainerRuntime(paths, CgroupDrivers.detect()));
    HostVerbs local =
        new HostVerbs(
            runtime,
            CriLogReader::new,
            () -> new RegistryImageService(paths, RegistryConfig.load(env)),
            () -> new LocalVolumeService(paths),
            () -> new ContainerFileWriter(runtime.get()),
            engine,
            settings);
    return new ClientComposeService(
        engine,
        engineRuns,
        () -> NetworkManagers.recorded(NetworkManagers.stateDir(paths.dataRoot())),
        local,
        local.stores(),
        settings);
  }

  @Override
  public EngineControl engine(Map<String, String> env) {
    return new EngineAdmin(env);
  }
}
