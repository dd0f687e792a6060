package dev.tandem.sandbox;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class TandemVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TandemVersion.class.getPackage().getImplementationVersion();
    return new String[] {"tandem " + (version == null ? "development" : version)};
  }
}
