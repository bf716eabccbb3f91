package io.diffmix.cli;

import io.diffmix.core.config.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code diffmix} command: learn mixtures of Gaussians with diffusion models, and compare every component.
 *
 * <p>Exit codes: 0 on success; 2 on bad input, with one line on stderr naming the file, the key and the valid
 * choices; 1 on an internal error.
 */
@Command(
    name = "diffmix",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn mixtures of Gaussians with diffusion models (Gatmiry, Kelner, Lee).",
    subcommands = {RunCommand.class, DemoCommand.class, FitCommand.class, SampleCommand.class,
        EvaluateCommand.class, CompareCommand.class,
        PluginsCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class Diffmix implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL = 1;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; used by tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Diffmix());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable cause = e;
      while (!(cause instanceof BadInputException) && cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof BadInputException) {
        err.println("diffmix: " + cause.getMessage());
        return EXIT_BAD_INPUT;
      }
      err.println("diffmix: internal error: " + e);
      if (System.getenv("DIFFMIX_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("diffmix: set DIFFMIX_DEBUG=1 for the stack trace");
      }
      return EXIT_INTERNAL;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("diffmix: " + e.getMessage().replace('\n', ' ') + " (see diffmix "
          + e.getCommandLine().getCommandName() + " --help)");
      return EXIT_BAD_INPUT;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
