package org.ftcbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every ftc-bench command has: {@code --help} and {@code --version}, and the output streams
 * picocli gives it ({@link Main#run} sets them, so tests read what a command prints). A command's
 * exit code is what {@link #call()} returns (docs/design.md: 0, 2 for bad input, 3 for a
 * regression, 1 for anything else).
 */
@Command(mixinStandardHelpOptions = true)
abstract class CliCommand implements Callable<Integer> {
  /**
   * Where new run folders go, {@code <machine>/<run>/} below the working folder (docs/design.md).
   */
  static final Path RESULTS = Path.of("benchmarks", "results");

  @Spec CommandSpec spec;

  /** Results and the lines scripts read (the run folder last). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Progress and messages. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
