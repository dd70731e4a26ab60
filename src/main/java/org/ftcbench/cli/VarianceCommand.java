package org.ftcbench.cli;

import java.nio.file.Path;
import java.util.List;
import org.ftcbench.compare.VarianceReport;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench variance RUN [RUN…]}: where the benchmark noise of a machine lives (between
 * runs, forks, iterations) and the forks × iterations that measure it best in the same time.
 */
@Command(
    name = "variance",
    description = {
      "Variance components of every benchmark point of the given run folders: between runs",
      "(give several runs of one configuration), between JVM forks and between iterations",
      "of a fork, and the iterations per fork that make each mean most precise for its time",
      "(Kalibera and Jones 2013). Use it to choose a profile's bench.forks and",
      "bench.measurementIterations; measure on an otherwise idle machine."
    })
final class VarianceCommand extends CliCommand {
  @Parameters(paramLabel = "RUN", arity = "1..*", description = "run folders with a jmh.json")
  List<Path> runs;

  @Option(
      names = "--fork-overhead",
      paramLabel = "SECONDS",
      description =
          "a fork's start-up and set-up before warm-up (default: estimated from each run's"
              + " duration in env.json)")
  Double forkOverhead;

  @Option(
      names = "--budget",
      paramLabel = "FxR",
      description =
          "plan in the time of F forks × R iterations per point, e.g. 2x3 for quick's"
              + " (default: the first run's)")
  String budget;

  @Override
  public Integer call() {
    if (forkOverhead != null && !(forkOverhead >= 0)) {
      throw new BadInputException(
          "--fork-overhead " + forkOverhead + " is not a duration: give SECONDS ≥ 0");
    }
    int[] design = null;
    if (budget != null) {
      String[] p = budget.toLowerCase().split("[x×]");
      try {
        design = new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
      } catch (RuntimeException e) {
        design = null;
      }
      if (design == null || p.length != 2 || design[0] < 2 || design[1] < 1) {
        throw new BadInputException(
            "--budget " + budget + " is not FxR: write e.g. 2x3 (at least 2 forks, 1 iteration)");
      }
    }
    var out = out();
    out.print(VarianceReport.render(runs, forkOverhead, design));
    out.flush();
    return 0;
  }
}
