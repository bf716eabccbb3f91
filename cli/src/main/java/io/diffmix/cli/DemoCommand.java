package io.diffmix.cli;

import picocli.CommandLine.Command;

/** {@code diffmix demo}: the same as {@code diffmix run --preset quickstart}. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the quickstart preset: the same as `diffmix run --preset quickstart`.")
public final class DemoCommand extends RunCommand {
  @Override
  public Integer call() throws java.io.IOException {
    if (preset == null && config == null) {
      preset = "quickstart";
    }
    return super.call();
  }
}
