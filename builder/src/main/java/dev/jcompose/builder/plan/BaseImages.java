package dev.jcompose.builder.plan;

import dev.jcompose.builder.dockerfile.Instruction.Location;

/** Finds (or pulls) the image a FROM or {@code --from} names. Errors name {@code where}. */
public interface BaseImages {
  ImageInfo resolve(String reference, Location where);
}
