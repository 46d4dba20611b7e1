package dev.jcompose.scheduler.api;

import java.time.Instant;
import java.util.Map;

/**
 * A progress or lifecycle event. {@code resource} is e.g. "Container myproj-web-1", "Network
 * myproj_default", "Volume myproj_data", "Image redis"; {@code action} is e.g. Creating, Created,
 * Starting, Started, Healthy, Stopping, Stopped, Removing, Removed, Pulling, Pulled, Error, or a
 * lifecycle event (create, start, die, health_status: healthy, restart, kill, oom).
 */
public record Event(
    Instant time, String resource, String action, String message, Map<String, String> attributes) {}
