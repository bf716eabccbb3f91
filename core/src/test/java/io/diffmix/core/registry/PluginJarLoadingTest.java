package io.diffmix.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.testkit.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars from a folder (issue 7): each is known by its jar; a broken jar costs one warning line that names
 * it and the cause, and every other plugin still loads; two jars with the same plugin name fail naming both.
 */
class PluginJarLoadingTest {
  @TempDir Path dir;

  private Path goodJar(Path folder, String jarName, String samplerName) {
    return new PluginJars()
        .source("org.example.good.GoodPlugin", PluginJars.samplerPlugin("org.example.good", "GoodPlugin", samplerName, ""))
        .service("org.example.good.GoodPlugin")
        .build(folder.resolve(jarName));
  }

  @Test
  void aJarsPluginIsFoundAndKnownByItsJarPath() {
    Path jar = goodJar(dir, "good.jar", "stand-still");
    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(dir), warnings::add);
    assertThat(warnings).isEmpty();
    var f = r.forName(Family.SAMPLER, "stand-still");
    assertThat(r.originOf(f).source()).isEqualTo(jar.toAbsolutePath().normalize().toString());
    assertThat(r.originOf(r.forName(Family.METRIC, "mmd")).source()).isEqualTo(PluginLoader.BUILT_IN);
  }

  @Test
  void eachBrokenJarGivesOneLineNamingItAndItsCauseAndTheOthersStillLoad() {
    Path good = goodJar(dir, "a-good.jar", "stand-still");
    Path badEntry = new PluginJars()
        .source("org.example.typo.RealPlugin", PluginJars.samplerPlugin("org.example.typo", "RealPlugin", "typo-sampler", ""))
        .service("org.example.typo.RealPlugn")
        .build(dir.resolve("bad-entry.jar"));
    Path missingDep = new PluginJars()
        .source("org.example.dep.Licence", "package org.example.dep; public final class Licence {}")
        .source("org.example.needs.NeedsDepPlugin", PluginJars.samplerPlugin("org.example.needs", "NeedsDepPlugin",
            "needs-dep", "new org.example.dep.Licence();"))
        .service("org.example.needs.NeedsDepPlugin")
        .omit("org.example.dep.")
        .build(dir.resolve("missing-dep.jar"));
    Path throwing = new PluginJars()
        .source("org.example.boom.BoomPlugin", PluginJars.samplerPlugin("org.example.boom", "BoomPlugin", "boom",
            "if (true) throw new IllegalStateException(\"no licence file\");"))
        .service("org.example.boom.BoomPlugin")
        .build(dir.resolve("throwing.jar"));

    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(dir), warnings::add);

    assertThat(warnings).hasSize(3);
    warnings.forEach(w -> assertThat(w).doesNotContain("\n"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains(badEntry.toString())
        .contains("org.example.typo.RealPlugn").contains("not in the jar"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains(missingDep.toString())
        .contains("missing class org.example.dep.Licence").contains("NoClassDefFoundError"));
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains(throwing.toString())
        .contains("org.example.boom.BoomPlugin").contains("constructor threw IllegalStateException: no licence file"));

    assertThat(r.availableNames(Family.SAMPLER)).contains("stand-still")
        .doesNotContain("typo-sampler", "needs-dep", "boom");
    assertThat(r.originOf(r.forName(Family.SAMPLER, "stand-still")).source()).isEqualTo(good.toString());
    assertThat(r.availableNames(Family.METRIC)).contains("mmd", "energy");
  }

  @Test
  void aFactoryThatNeedsAMissingClassSkipsItsPluginAtLoadTime() {
    String plugin = """
        package org.example.lazy;

        import io.diffmix.core.spi.*;
        import java.util.*;

        public final class LazyPlugin implements DiffmixPlugin {
          @Override
          public Collection<MetricFactory<?>> metrics() {
            return List.of(new org.example.lazydep.AbsentMetric());
          }
        }
        """;
    String dep = """
        package org.example.lazydep;

        import io.diffmix.core.config.Params;
        import io.diffmix.core.spi.*;

        public final class AbsentMetric implements MetricFactory<AbsentMetric.Config> {
          public record Config() {}
          public String name() { return "absent"; }
          public String description() { return "never loads"; }
          public Config configure(Params p) { return new Config(); }
          public Metric create(Config c) { return null; }
        }
        """;
    Path jar = new PluginJars().source("org.example.lazy.LazyPlugin", plugin)
        .source("org.example.lazydep.AbsentMetric", dep)
        .service("org.example.lazy.LazyPlugin").omit("org.example.lazydep.").build(dir.resolve("lazy.jar"));
    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(dir), warnings::add);
    assertThat(warnings).singleElement().asString().contains(jar.toString())
        .contains("missing class org.example.lazydep.AbsentMetric");
    assertThat(r.availableNames(Family.METRIC)).doesNotContain("absent").contains("mmd");
  }

  @Test
  void aFileThatIsNotAJarIsSkippedWithOneLine() throws Exception {
    Path notAJar = Files.writeString(dir.resolve("notes.jar"), "not a zip");
    goodJar(dir, "good.jar", "stand-still");
    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(dir), warnings::add);
    assertThat(warnings).singleElement().asString().contains(notAJar.toAbsolutePath().toString())
        .contains("not a readable jar");
    assertThat(r.availableNames(Family.SAMPLER)).contains("stand-still");
  }

  @Test
  void theSameNameFromTwoJarsFailsNamingBothJars() throws Exception {
    Path other = Files.createDirectory(dir.resolve("other"));
    Path a = goodJar(dir, "first.jar", "twin");
    Path b = new PluginJars()
        .source("org.example.second.SecondPlugin", PluginJars.samplerPlugin("org.example.second", "SecondPlugin", "twin", ""))
        .service("org.example.second.SecondPlugin")
        .build(other.resolve("second.jar"));
    assertThatThrownBy(() -> Registry.load(List.of(dir, other), w -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("duplicate sampler 'twin'")
        .hasMessageContaining(a.toString())
        .hasMessageContaining(b.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aFolderGivenTwiceLoadsItsJarsOnce() {
    goodJar(dir, "good.jar", "stand-still");
    List<String> warnings = new ArrayList<>();
    Registry r = Registry.load(List.of(dir, dir.resolve(".")), warnings::add);
    assertThat(warnings).isEmpty();
    assertThat(r.availableNames(Family.SAMPLER)).contains("stand-still");
  }

  @Test
  void aPluginThatClashesWithABuiltInNamesTheJarAndTheBuiltIn() {
    Path jar = goodJar(dir, "clash.jar", "pf-euler-not-here");
    // core's test class path has no samplers module: clash with a core metric instead
    Path metricJar = new PluginJars().source("org.example.mmd.MmdPlugin", """
        package org.example.mmd;
        import io.diffmix.core.spi.*;
        import java.util.*;
        public final class MmdPlugin implements DiffmixPlugin {
          public Collection<MetricFactory<?>> metrics() { return List.of(io.diffmix.core.metrics.MmdMetric.FACTORY); }
        }
        """).service("org.example.mmd.MmdPlugin").build(dir.resolve("mmd-again.jar"));
    assertThat(jar).exists();
    assertThatThrownBy(() -> Registry.load(List.of(dir), w -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("duplicate metric 'mmd'")
        .hasMessageContaining(PluginLoader.BUILT_IN)
        .hasMessageContaining(metricJar.toString());
  }
}
