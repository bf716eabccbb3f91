package io.diffmix.cli;

import io.diffmix.core.config.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diffmix bench}: the JMH benchmarks of every registered plugin. It runs {@code io.diffmix.bench.BenchMain}
 * from {@code bench/target/benchmarks.jar} in a JVM of its own, so that the CLI does not depend on JMH; the
 * launcher builds that jar on first use.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the JMH benchmarks for every registered plugin (built-ins, plugins/ and --plugins DIR): a learner's",
      "fit, a sampler's step and full sample, a schedule's evaluation, a metric on fixed samples.",
      "Writes DIR/bench.json (JMH's JSON) and DIR/bench.md (a Markdown summary)."})
public final class BenchCommand implements Callable<Integer> {
  static final String MAIN = "io.diffmix.bench.BenchMain";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--include", paramLabel = "REGEX",
      description = "Only the benchmark:plugin pairs whose label, such as SamplerBench.step:pf-heun, contains a "
          + "match; quote '+' as '\\+'.")
  String include;

  @Option(names = "--quick", description = "One fork, one short warmup and one short measurement iteration.")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/bench).")
  Path out;

  @Option(names = "--list", description = "Print the benchmark:plugin pairs and run nothing.")
  boolean list;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>();
    if (include != null) {
      try {
        Pattern.compile(include);
      } catch (PatternSyntaxException e) {
        throw new BadInputException("--include " + include + ": not a regular expression: " + e.getDescription()
            + " (quote '+' as '\\+')");
      }
      args.add("--include");
      args.add(include);
    }
    if (quick) {
      args.add("--quick");
    }
    if (list) {
      args.add("--list");
    }
    if (common.quiet) {
      args.add("--quiet");
    }
    if (out != null) {
      args.add("--out");
      args.add(out.toString());
    }
    if (common.plugins != null) {
      if (!Files.isDirectory(common.plugins)) {
        throw new BadInputException("--plugins " + common.plugins + ": not a directory");
      }
      args.add("--plugins");
      args.add(common.plugins.toAbsolutePath().toString());
    }
    Path home = Path.of(System.getProperty("diffmix.home", ".")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("diffmix.bench.jar", home.resolve("bench/target/benchmarks.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new BadInputException("bench: " + jar + " is not built; ./diffmix bench builds it "
          + "(or: mvn -pl bench -am package)");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-Ddiffmix.home=" + home, "-cp", jar.toString(), MAIN));
    cmd.addAll(args);
    spec.commandLine().getOut().flush();
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    return p.waitFor();
  }
}
