package io.diffmix.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in a JVM of its own, as the launcher does, so that a test can run two at once or kill one. */
final class CliProcess {
  private CliProcess() {}

  /** Starts {@code diffmix ARGS...} with this test's class path; stdout and stderr go to files beside {@code logs}. */
  static Process start(Path logs, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("--add-modules");
    cmd.add("jdk.incubator.vector");
    if (System.getProperty("diffmix.cache") != null) {
      cmd.add("-Ddiffmix.cache=" + System.getProperty("diffmix.cache"));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Diffmix.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectOutput(new File(logs + ".out"));
    pb.redirectError(new File(logs + ".err"));
    return pb.start();
  }
}
