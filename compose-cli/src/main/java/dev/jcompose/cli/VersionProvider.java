package dev.jcompose.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = JcomposeCli.class.getPackage().getImplementationVersion();
    return new String[] {"jcompose version " + (v == null ? "dev" : v)};
  }
}
