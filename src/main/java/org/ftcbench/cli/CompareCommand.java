package org.ftcbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.PointComparison;
import org.ftcbench.data.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftc-bench compare RUN_A RUN_B}: run B against run A, point by point, with a regression
 * gate (exit 3) for CI jobs.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two run folders: ratio B/A per benchmark point with a bootstrap interval, a",
      "Mann-Whitney U test and a label (faster, slower, same, inconclusive); the environment",
      "stamps and trained widths side by side."
    })
final class CompareCommand implements Callable<Integer> {
  static final int EXIT_REGRESSION = 3;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "the baseline run folder")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "the run folder compared with it")
  Path runB;

  @Option(
      names = "--fail-on-regression",
      paramLabel = "PCT",
      description = "exit 3 if some point is significantly slower by more than PCT percent")
  Double failOnRegression;

  @Option(
      names = "--noise-floor",
      paramLabel = "PCT",
      description = "differences within ±PCT percent are 'same' (default ${DEFAULT-VALUE})")
  double noiseFloorPct = 100 * Comparison.DEFAULT_NOISE_FLOOR;

  @Override
  public Integer call() {
    if (failOnRegression != null && !(failOnRegression >= 0)) {
      throw new BadInputException(
          "--fail-on-regression " + failOnRegression + " is not a percentage: give PCT ≥ 0");
    }
    if (!(noiseFloorPct >= 0 && noiseFloorPct < 100)) {
      throw new BadInputException(
          "--noise-floor " + noiseFloorPct + " is out of range: give 0 ≤ PCT < 100");
    }
    Comparison c = Comparison.of(runA, runB, noiseFloorPct / 100);
    var out = spec.commandLine().getOut();
    out.print(org.ftcbench.compare.ComparisonSummary.render(c));
    if (failOnRegression != null) {
      List<PointComparison> bad = c.regressions(failOnRegression / 100);
      if (!bad.isEmpty()) {
        var err = spec.commandLine().getErr();
        err.printf(
            Locale.ROOT,
            "ftc-bench: %d point(s) significantly slower by more than %.1f%%, worst %s (%+.1f%%)%n",
            bad.size(),
            failOnRegression,
            bad.stream()
                .max(java.util.Comparator.comparingDouble(PointComparison::slowdown))
                .get()
                .point()
                .label(),
            100 * bad.stream().mapToDouble(PointComparison::slowdown).max().getAsDouble());
        return EXIT_REGRESSION;
      }
    }
    return 0;
  }
}
