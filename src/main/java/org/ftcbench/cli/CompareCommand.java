package org.ftcbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.compare.Calibration;
import org.ftcbench.compare.Comparison;
import org.ftcbench.compare.ComparisonSummary;
import org.ftcbench.compare.PointComparison;
import org.ftcbench.compare.SlopeComparison;
import org.ftcbench.data.BadInputException;
import org.ftcbench.report.ComparisonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ftc-bench compare RUN_A RUN_B}: run B against run A, point by point, with a regression
 * gate (exit 3) for CI jobs.
 */
@Command(
    name = "compare",
    description = {
      "Compare two run folders: ratio B/A per benchmark point with a fork-level",
      "interval and test (hierarchical bootstrap over forks and iterations), a",
      "noise floor (the default, or the machine's A/A calibration where larger)",
      "and a label (faster, slower, same, inconclusive); the environment stamps,",
      "trained widths and fitted slopes side by side. Prints a text summary and",
      "writes an HTML page to DIR/compare/ (see --out). How to read a label:",
      "docs/comparing.md."
    })
final class CompareCommand extends CliCommand {
  static final int EXIT_REGRESSION = 3;

  static {
    // the page's figures go through Tablesaw's template engine, which logs through SLF4J without a
    // binding: silence its start-up warning, as the report command does
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

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
      description =
          "differences within ±PCT percent are 'same' (default ${DEFAULT-VALUE}); a point's"
              + " calibrated floor applies where it is larger")
  double noiseFloorPct = 100 * Comparison.DEFAULT_NOISE_FLOOR;

  @Option(
      names = "--calibration",
      paramLabel = "FILE",
      description =
          "the A/A calibration whose floors apply (default: "
              + Calibration.FILE
              + " beside each run's folder, i.e. benchmarks/results/<machine>/"
              + Calibration.FILE
              + ", where present); 'none' applies --noise-floor alone")
  String calibration;

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
    Comparison c = Comparison.of(runA, runB, noiseFloorPct / 100, calibrations());
    Analysis a = Analysis.of(RunLoader.load(runA), FitSettings.defaults());
    Analysis b = Analysis.of(RunLoader.load(runB), FitSettings.defaults());
    var stdout = out();
    stdout.print(ComparisonSummary.render(c, SlopeComparison.of(a, b)));
    ComparisonWriter.Written w = ComparisonWriter.write(c, a, b, out);
    stdout.println();
    stdout.println("comparison page: " + w.page().toAbsolutePath().normalize());
    if (failOnRegression != null) {
      List<PointComparison> bad = c.regressions(failOnRegression / 100);
      if (!bad.isEmpty()) {
        var err = err();
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

  /** The calibrations to apply: --calibration's, or those beside the two runs (one if shared). */
  private List<Calibration> calibrations() {
    if ("none".equals(calibration)) {
      return List.of();
    }
    if (calibration != null) {
      Path file = Path.of(calibration);
      if (!Files.isRegularFile(file)) {
        throw new BadInputException(
            "--calibration "
                + file
                + " does not exist: give a calibration.json written by 'calibrate', or 'none'");
      }
      return List.of(Calibration.read(file));
    }
    Map<Path, Calibration> found = new LinkedHashMap<>();
    for (Path run : List.of(runA, runB)) {
      Calibration.find(run).ifPresent(c -> found.putIfAbsent(c.file(), c));
    }
    return List.copyOf(found.values());
  }
}
