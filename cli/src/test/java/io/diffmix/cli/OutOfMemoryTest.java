package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.testkit.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OutOfMemoryError inside a run: one line, exit 1, and no output, half-written or hidden. */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aSamplerThatAllocatesWithoutBoundGivesOneLineAndNoOutput() throws Exception {
    // a plugin whose sampler keeps every block it allocates, until the heap (1 GB in CliProcess) is gone
    String hog = PluginJars.samplerPlugin("org.example.hog", "HogPlugin", "hog", "")
        .replace("(score, schedule, times, chunk) -> 0",
            "(score, schedule, times, chunk) -> { List<long[]> kept = new ArrayList<>(); "
                + "while (true) { kept.add(new long[1 << 20]); } }");
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    new PluginJars().source("org.example.hog.HogPlugin", hog).service("org.example.hog.HogPlugin")
        .build(plugins.resolve("hog.jar"));
    Path config = Files.writeString(dir.resolve("c.json"), Cli.smallConfig());
    Path out = dir.resolve("out");
    Process p = CliProcess.start(dir.resolve("hog"), "run", config.toString(), "--plugins", plugins.toString(),
        "--set", "sampler.type=hog", "--out", out.toString(), "--quiet");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> err = Files.readAllLines(dir.resolve("hog.err")).stream()
        .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")).toList();
    assertThat(p.exitValue()).as(String.join("\n", err)).isEqualTo(1);
    assertThat(err).hasSize(1);
    assertThat(err.get(0)).startsWith("diffmix: internal error: java.lang.OutOfMemoryError")
        .endsWith("(set DIFFMIX_DEBUG=1 for the stack trace)");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList()).isEmpty();
    }
  }
}
