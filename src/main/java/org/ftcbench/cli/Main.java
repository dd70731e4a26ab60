package org.ftcbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.NativeBlasCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ftc-bench}: the command line. Exit codes (design.md): 0 success; 2 bad usage or bad input,
 * always one line saying what and how to fix it; 3 a significant regression in {@code compare}; 1
 * anything else (a bug: one line and the stack trace).
 */
@Command(
    name = "ftc-bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Fine-tuning capacity of small ReLU adapters: certified, trained and costed.",
    subcommands = {
      EnvCommand.class,
      SmokeCommand.class,
      CertifyCommand.class,
      SweepCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      CalibrateCommand.class,
      VarianceCommand.class,
      BlasCheckCommand.class,
    })
public final class Main implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL = 1;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    String blas = NativeBlasCheck.failure();
    if (blas != null) {
      err.println(
          "ftc-bench: jblas's native BLAS does not load ("
              + oneLine(blas)
              + "): install the Debian package libgfortran5 (apt-get install -y libgfortran5)");
      return EXIT_BAD_INPUT;
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          String cmd = ex.getCommandLine().getCommandName();
          err.println("ftc-bench: " + oneLine(ex.getMessage()) + " (see '" + helpOf(cmd) + "')");
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof BadInputException) {
            err.println("ftc-bench: " + oneLine(ex.getMessage()));
            return EXIT_BAD_INPUT;
          }
          err.println("ftc-bench: internal error: " + oneLine(String.valueOf(ex)));
          ex.printStackTrace(err);
          return EXIT_INTERNAL;
        });
    return cli.execute(args);
  }

  private static String helpOf(String cmd) {
    return "ftc-bench".equals(cmd) ? "ftc-bench --help" : "ftc-bench " + cmd + " --help";
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  @Override
  public void run() {
    // No command given: show what there is.
    new CommandLine(this).usage(System.out);
  }

  /** The version from the build (Maven filters ftc-bench.properties). */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/ftc-bench.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"ftc-bench " + p.getProperty("version", "unknown")};
    }
  }
}
