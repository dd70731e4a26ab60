package org.ftcbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.ComparisonSummary;
import org.ftcbench.compare.PointComparison;
import org.ftcbench.compare.SlopeComparison;
import org.ftcbench.data.BadInputException;
import org.ftcbench.report.ComparisonWriter;
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
      "Compare two run folders: ratio B/A per benchmark point with a bootstrap",
      "interval, a Mann-Whitney U test and a label (faster, slower, same,",
      "inconclusive); the environment stamps, trained widths and fitted slopes",
      "side by side. Prints a text summary and writes an HTML page to",
      "DIR/compare/ (see --out)."
    })
final class CompareCommand implements Callable<Integer> {
  static final int EXIT_REGRESSION = 3;

  static {
    // the page's figures go through Tablesaw's template engine, which logs through SLF4J without a
    // binding: silence its start-up warning, as the report command does
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

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

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description =
          "Report folder: the page goes to DIR/compare/ and is recorded as the latest"
              + " comparison, which the report's index links (default: ${DEFAULT-VALUE}).")
  Path out;

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
    Analysis a = Analysis.of(RunLoader.load(runA), FitSettings.defaults());
    Analysis b = Analysis.of(RunLoader.load(runB), FitSettings.defaults());
    var stdout = spec.commandLine().getOut();
    stdout.print(ComparisonSummary.render(c, SlopeComparison.of(a, b)));
    ComparisonWriter.Written w = ComparisonWriter.write(c, a, b, out);
    stdout.println();
    stdout.println("comparison page: " + w.page().toAbsolutePath().normalize());
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
