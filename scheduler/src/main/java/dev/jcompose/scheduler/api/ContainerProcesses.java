package dev.jcompose.scheduler.api;

import java.util.List;

/** {@code top} of one container: its name and its processes by pid. */
public record ContainerProcesses(String container, List<ProcessRow> processes) {}
