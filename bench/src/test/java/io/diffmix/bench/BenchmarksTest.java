package io.diffmix.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.diffmix.core.registry.Family;
import io.diffmix.core.registry.Registry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The benchmark table agrees with what JMH generated, and every registered plugin gets every benchmark. */
class BenchmarksTest {
  record Out(int exit, String out, String err) {}

  static Out run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theTableListsExactlyTheBenchmarksJmhGeneratedWithTheirPluginParameter() {
    Set<BenchmarkListEntry> generated = BenchmarkList.defaultList()
        .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of());
    Set<String> names = generated.stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).containsExactlyInAnyOrderElementsOf(
        Benchmarks.ALL.stream().map(Benchmarks.Bench::jmhName).toList());
    for (BenchmarkListEntry e : generated) {
      Benchmarks.Bench b = Benchmarks.ALL.stream().filter(x -> x.jmhName().equals(e.getUsername())).findFirst()
          .orElseThrow();
      // the plugin's parameter, and for the Gram kernel also its shape
      assertThat(e.getParams().get().keySet()).as(b.jmhName())
          .containsExactlyInAnyOrderElementsOf(b.family() == null ? List.of(b.param(), "p") : List.of(b.param()));
    }
  }

  @Test
  void everyRegisteredPluginOfEachFamilyIsPairedWithEachOfItsBenchmarks() {
    Registry registry = Registry.load(List.of(), w -> {});
    List<Benchmarks.Pair> pairs = Benchmarks.pairs(registry, Pattern.compile(""));
    for (Benchmarks.Bench b : Benchmarks.ALL) {
      assertThat(pairs.stream().filter(p -> p.bench().equals(b)).map(Benchmarks.Pair::plugin).toList())
          .as(b.shortName())
          .containsExactlyElementsOf(b.family() == null ? b.fixed() : registry.availableNames(b.family()));
    }
    assertThat(registry.availableNames(Family.SAMPLER)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(pairs).allSatisfy(p -> assertThat(p.problem()).as(p.label()).isEmpty());
  }

  @Test
  void includeIsFoundInTheLabelSoItSelectsPluginsOrBenchmarks() {
    Out heun = run("--list", "--include", ":pf-heun$");
    assertThat(heun.exit()).isZero();
    assertThat(heun.out().lines().toList()).containsExactly("SamplerBench.step:pf-heun", "SamplerBench.sample:pf-heun");
    Out plus = run("--list", "--include", "dpm-solver\\+\\+2m");
    assertThat(plus.out().lines().toList()).containsExactly("SamplerBench.step:dpm-solver++2m",
        "SamplerBench.sample:dpm-solver++2m");
    Out schedules = run("--list", "--include", "^ScheduleBench");
    assertThat(schedules.out().lines().toList()).containsExactly("ScheduleBench.evaluate:edm",
        "ScheduleBench.evaluate:ve", "ScheduleBench.evaluate:vp", "ScheduleBench.evaluate:vp-cosine",
        "ScheduleBench.evaluate:vp-linear");
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    for (String[] args : new String[][] {{"--include", "("}, {"--include", "no-such-plugin"}, {"--frobnicate"},
        {"--plugins", "/no/such/folder"}, {"--out"}}) {
      Out r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines().toList()).as(String.join(" ", args)).singleElement().asString()
          .startsWith("diffmix bench: ");
    }
    assertThat(run("--include", "dpm-solver++2m").err()).contains("quoted as '\\+'");
  }
}
