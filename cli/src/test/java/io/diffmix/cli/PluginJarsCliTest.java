package io.diffmix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.diffmix.core.config.Json;
import io.diffmix.core.testkit.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 3, through the command line: each broken jar in a plugins folder costs one warning line that
 * names the jar and the cause, the rest load and the command succeeds; a duplicate name exits 2 with one line
 * naming both jars.
 */
class PluginJarsCliTest {
  @TempDir Path dir;

  private Path good() {
    return new PluginJars()
        .source("org.example.good.GoodPlugin", PluginJars.samplerPlugin("org.example.good", "GoodPlugin", "stand-still", ""))
        .service("org.example.good.GoodPlugin")
        .build(dir.resolve("good.jar")).toAbsolutePath();
  }

  @Test
  void brokenJarsEachGiveOneLineAndTheRestLoad() {
    Path good = good();
    Path badEntry = new PluginJars().service("org.example.NoSuchPlugin").build(dir.resolve("bad-entry.jar"));
    Path missing = new PluginJars()
        .source("org.example.dep.Licence", "package org.example.dep; public final class Licence {}")
        .source("org.example.needs.NeedsDep", PluginJars.samplerPlugin("org.example.needs", "NeedsDep", "needs-dep",
            "new org.example.dep.Licence();"))
        .service("org.example.needs.NeedsDep").omit("org.example.dep.").build(dir.resolve("missing-class.jar"));
    Path throwing = new PluginJars()
        .source("org.example.boom.Boom", PluginJars.samplerPlugin("org.example.boom", "Boom", "boom",
            "if (true) throw new IllegalStateException(\"no licence file\");"))
        .service("org.example.boom.Boom").build(dir.resolve("throwing.jar"));

    Cli r = Cli.run("plugins", "--json", "--plugins", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList();
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("diffmix: warning: plugin jar "));
    assertThat(lines.get(0)).contains(badEntry.toAbsolutePath().toString()).contains("org.example.NoSuchPlugin")
        .contains("not in the jar");
    assertThat(lines.get(1)).contains(missing.toAbsolutePath().toString())
        .contains("missing class org.example.dep.Licence");
    assertThat(lines.get(2)).contains(throwing.toAbsolutePath().toString())
        .contains("constructor threw IllegalStateException: no licence file");
    JsonNode all = Json.parse(r.out(), "plugins --json");
    List<String> samplers = new ArrayList<>();
    all.get("sampler").forEach(s -> samplers.add(s.get("name").asText() + " " + s.get("source").asText()));
    assertThat(samplers).contains("stand-still " + good, "paper-ve built-in")
        .noneMatch(s -> s.startsWith("needs-dep") || s.startsWith("boom"));
  }

  @Test
  void aDuplicateNameExitsTwoWithOneLineNamingBothJars() throws Exception {
    Path a = good();
    Path other = Files.createDirectory(dir.resolve("more"));
    Path b = new PluginJars()
        .source("org.example.again.Again", PluginJars.samplerPlugin("org.example.again", "Again", "stand-still", ""))
        .service("org.example.again.Again").build(other.resolve("again.jar")).toAbsolutePath();
    Path config = Files.writeString(dir.resolve("c.json"), Cli.smallConfig().replace("\"seed\": 3,",
        "\"seed\": 3, \"plugins\": \"" + other.toString().replace("\\", "\\\\") + "\","));
    Cli r = Cli.run("run", config.toString(), "--plugins", dir.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator")).toList()).singleElement()
        .asString().contains("duplicate sampler 'stand-still'").contains(a.toString()).contains(b.toString());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void benchRejectsABadRegexAndAMissingFolderWithOneLine() {
    Cli regex = Cli.run("bench", "--include", "dpm-solver++(2m");
    assertThat(regex.exit()).isEqualTo(2);
    assertThat(regex.err()).startsWith("diffmix: --include dpm-solver++(2m: not a regular expression").hasLineCount(1);
    Cli folder = Cli.run("bench", "--plugins", dir.resolve("nope").toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("not a directory").hasLineCount(1);
  }

  @Test
  void benchWithoutItsJarSaysHowToBuildIt() {
    String before = System.getProperty("diffmix.bench.jar");
    System.setProperty("diffmix.bench.jar", dir.resolve("benchmarks.jar").toString());
    try {
      Cli r = Cli.run("bench", "--quick");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("benchmarks.jar is not built").contains("mvn -pl bench -am package")
          .hasLineCount(1);
    } finally {
      if (before == null) {
        System.clearProperty("diffmix.bench.jar");
      } else {
        System.setProperty("diffmix.bench.jar", before);
      }
    }
  }
}
