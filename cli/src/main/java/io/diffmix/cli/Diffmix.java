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
    useLaunchersStandardError();
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * The launcher hands over the terminal's standard error as {@code -Ddiffmix.stderr=/dev/fd/3}, while the JVM's
   * own fd 2 goes through a filter that drops Java 17's incubator-module notice; diffmix writes straight to the
   * former, so that nothing it says waits behind the filter. Opened for appending, so that a standard error
   * redirected to a file is added to, never overwritten.
   */
  private static void useLaunchersStandardError() {
    String path = System.getProperty("diffmix.stderr");
    if (path == null) {
      return;
    }
    try {
      System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(path, true), true));
    } catch (java.io.IOException e) {
      // fd 2 still works, through the filter
    }
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
      return internalError(err, e);
    });
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("diffmix: " + e.getMessage().replace('\n', ' ') + " (see diffmix "
          + e.getCommandLine().getCommandName() + " --help)");
      return EXIT_BAD_INPUT;
    });
    try {
      return cl.execute(args);
    } catch (VirtualMachineError | LinkageError | AssertionError e) {
      // picocli hands only Exceptions to the handler above: an out-of-memory, a stack overflow or a class missing
      // from a changed jar comes here. Open outputs have been removed on the way (their try-with-resources).
      return internalError(err, e);
    }
  }

  /** One line, and the stack trace only when asked for. */
  private static int internalError(PrintWriter err, Throwable e) {
    if (System.getenv("DIFFMIX_DEBUG") != null) {
      err.println("diffmix: internal error: " + e);
      e.printStackTrace(err);
    } else {
      err.println("diffmix: internal error: " + String.valueOf(e).replace('\n', ' ')
          + " (set DIFFMIX_DEBUG=1 for the stack trace)");
    }
    return EXIT_INTERNAL;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
