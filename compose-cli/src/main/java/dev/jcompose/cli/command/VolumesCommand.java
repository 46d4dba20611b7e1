package dev.jcompose.cli.command;

import picocli.CommandLine.Command;

/**
 * {@code jcompose volumes}: docker compose's name for {@code volume ls} (the project's volumes).
 */
@Command(name = "volumes", description = "List volumes")
public final class VolumesCommand extends VolumeCommand.Ls {}
