package org.ftcbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Properties;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.NativeBlasCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code ftc-bench}: the command line. Exit codes (docs/design.md): 0 success; 2 bad usage or bad
 * input, always one line saying what and how to fix it; 3 a significant regression in {@code
 * compare}; 1 anything else (a bug: one line naming a file that holds the stack trace, for the bug
 * report; a user never has to read a trace).
 */
@Command(
    name = "ftc-bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Fine-tuning capacity of small ReLU adapters: certified, trained and costed.",
    subcommands = {
      EnvCommand.class,
      BlasCommand.class,
      BlasCheckCommand.class,
      SmokeCommand.class,
      CertifyCommand.class,
      SweepCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      ProfilesCommand.class,
      CalibrateCommand.class,
      VarianceCommand.class,
    })
public final class Main implements Runnable {
  /** Read by {@link Launcher} before the command line is parsed; listed here for the help. */
  @Option(
      names = "--blas",
      paramLabel = "CONFIG",
      scope = ScopeType.INHERIT,
      description =
          "BLAS configuration: auto (default: the fastest this machine has that passes the"
              + " self-check, measured once), bundled, bundled:auto, bundled:CORE (e.g."
              + " bundled:SkylakeX) or system; also $FTC_BLAS")
  String blas;

  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL = 1;

  /**
   * The process entry: runs the command under the chosen BLAS configuration ({@link Launcher}), in
   * a child JVM when this one does not have it.
   */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    OptionalInt child = Launcher.relaunch(args, err);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    String parent = System.getenv(Launcher.PARENT);
    if (parent != null) {
      ProcessHandle.of(Long.parseLong(parent)).ifPresent(ParentWatch::haltWhenGone);
    }
    System.exit(run(args, new PrintWriter(System.out, true), err));
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
          err.println(
              "ftc-bench: internal error (a bug, please report it): "
                  + oneLine(String.valueOf(ex))
                  + traceFile(ex));
          return EXIT_INTERNAL;
        });
    return cli.execute(args);
  }

  /** "; stack trace in FILE" after writing it there, or "" if no file can be written. */
  private static String traceFile(Throwable ex) {
    try {
      Path file = Files.createTempFile("ftc-bench-error-", ".txt");
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      Files.writeString(file, trace.toString());
      return "; stack trace in " + file;
    } catch (IOException | RuntimeException e) {
      return "";
    }
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
