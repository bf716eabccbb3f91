package io.diffmix.cli;

import io.diffmix.core.experiment.Provenance;
import picocli.CommandLine;

/** {@code diffmix --version}: the build's version and the Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"diffmix " + Provenance.version(), "Java " + System.getProperty("java.runtime.version")};
  }
}
