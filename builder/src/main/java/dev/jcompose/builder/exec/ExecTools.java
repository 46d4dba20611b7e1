package dev.jcompose.builder.exec;

import dev.jcompose.builder.api.BuildNetwork;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ImageStore;
import dev.jcompose.runtime.sys.NativeOps;
import java.nio.file.Path;

/**
 * What executing steps needs from the host: the runtime for RUN, the image store for layers, the
 * file-system door, RUN's network, a scratch root on the store's file system, /dev/shm's size.
 */
record ExecTools(
    ContainerRuntime runtime,
    ImageStore store,
    NativeOps ops,
    BuildNetwork network,
    Path workRoot,
    Long shmSizeBytes) {}
