package dev.jcompose.scheduler.api;

import java.util.List;

/** Flags of {@code ps}: {@code all} includes stopped containers; {@code status} filters. */
public record PsOptions(List<String> services, boolean all, List<String> status) {}
