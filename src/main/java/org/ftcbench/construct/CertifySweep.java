package org.ftcbench.construct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ftcbench.data.DataFamily;
import org.ftcbench.data.Dataset;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.PretrainConfig;
import org.ftcbench.data.PretrainedModel;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.results.CsvLog;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;

/**
 * The certified sweep (docs/design.md, certify.csv): for each point (N, K, d, seed) every
 * construction of both depths is built on the paper's task and verified on all K samples, and one
 * row per construction is appended to certify.csv. Rows already in the log are skipped, so a
 * restarted sweep resumes where it stopped.
 *
 * <p>The tasks come from {@link FineTuningTask#changeLabels} with one pre-trained f per (K, d,
 * seed), exactly the tasks {@link FineTuningTask#generate} would draw, so any row can be reproduced
 * with {@code certify --n N --k K --d d --seed seed}.
 *
 * <p>A construction that misses the tolerance still gets its row (its residual says so) and is
 * listed in the returned {@link Summary#failures()}: never a silent result. One that cannot be
 * built gets no row (it has no neurons to count) and is listed there with its reason; a resumed
 * sweep tries it again.
 *
 * <p>Verifying costs K × Σ_l (distinct rows of W_l) × d_{l−1} multiply-adds ({@link
 * Certifier.Built#verificationCost}); the largest, U2 at N = 10⁴, K = 10⁵, needs 2·10¹⁰ (its 3N
 * bump ReLUs share the rows of U1's ⌈√K⌉ layer-2 neurons). A sweep may still set a cap: a
 * construction whose cost exceeds it is built but not verified, gets no row, and is listed in
 * {@link Summary#tooCostly()}.
 */
public final class CertifySweep {
  /** Every construction, 2-layer first. */
  public static final List<Construction> ALL = List.of(Construction.values());

  private CertifySweep() {}

  /**
   * One grid point.
   *
   * @param data the inputs' family (data.DataFamily's spec)
   */
  public record Point(int n, int k, int d, long seed, String data) {
    /** A point on the paper's Gaussian data. */
    public Point(int n, int k, int d, long seed) {
      this(n, k, d, seed, ResultFiles.GAUSSIAN);
    }
  }

  /** Progress after each construction: {@code done} of {@code total} rows to compute. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /**
   * A construction whose residual missed the tolerance, or that could not be built ({@code reason}
   * says why; residual and tolerance are then NaN).
   */
  public record Failure(
      Point point,
      Construction construction,
      double maxAbsResidual,
      double tolerance,
      String reason) {

    /** What failed, where and why, in one line (for the sweep's log). */
    public String oneLine() {
      String where =
          String.format(
              Locale.ROOT,
              "%s at N = %d, K = %d, d = %d, seed %d, data %s",
              construction.label(),
              point.n(),
              point.k(),
              point.d(),
              point.seed(),
              point.data());
      return reason != null
          ? where + " could not be built: " + reason
          : String.format(
              Locale.ROOT,
              "%s failed the exactness check: max |g(x_i) − z_i| = %.3g > tolerance %.3g",
              where,
              maxAbsResidual,
              tolerance);
    }
  }

  /**
   * What a sweep did.
   *
   * @param rowsWritten rows appended now
   * @param rowsSkipped rows already in the log
   * @param failures the rows whose certificate failed
   */
  public record Summary(
      int rowsWritten, int rowsSkipped, List<Failure> failures, List<TooCostly> tooCostly) {}

  /** A construction left unverified because K × parameters exceeded the cap. */
  public record TooCostly(Point point, Construction construction, long multiplyAdds) {}

  /** No cap on the verification cost. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  /** Runs every construction ({@link #ALL}) on every point with the default settings, no cap. */
  public static Summary run(List<Point> points, CsvLog log, Progress progress) {
    return run(points, ALL, ClipSettings.defaults(), UNLIMITED, log, progress);
  }

  /**
   * Runs the given constructions on every point, appending to {@code log}.
   *
   * @param maxMultiplyAdds constructions whose verification costs more multiply-adds than this are
   *     not verified ({@link #UNLIMITED} for none)
   */
  public static Summary run(
      List<Point> points,
      List<Construction> constructions,
      ClipSettings settings,
      long maxMultiplyAdds,
      CsvLog log,
      Progress progress) {
    if (!log.columns().equals(ResultFiles.CERTIFY.header())) {
      throw new IllegalArgumentException(
          "the log has columns "
              + log.columns()
              + ", certify.csv needs "
              + ResultFiles.CERTIFY.header());
    }
    Set<String> present = new HashSet<>();
    for (Map<String, String> row : log.rows()) {
      present.add(ResultFiles.CERTIFY.keyOf(row));
    }
    // the rows still to compute, grouped by (K, d, seed) so that each f is pre-trained once
    Map<String, List<Point>> groups = new LinkedHashMap<>();
    int total = 0;
    int skipped = 0;
    for (Point p : points) {
      for (Construction c : constructions) {
        if (present.contains(key(c, p))) {
          skipped++;
        } else {
          total++;
        }
      }
      groups
          .computeIfAbsent(
              p.data() + "/" + p.k() + "/" + p.d() + "/" + p.seed(), x -> new ArrayList<>())
          .add(p);
    }
    int done = 0;
    List<Failure> failures = new ArrayList<>();
    List<TooCostly> tooCostly = new ArrayList<>();
    progress.update(0, total);
    for (List<Point> group : groups.values()) {
      Point first = group.get(0);
      boolean anyMissing =
          group.stream()
              .anyMatch(p -> constructions.stream().anyMatch(c -> !present.contains(key(c, p))));
      if (!anyMissing) {
        continue;
      }
      Dataset data = DataFamily.parse(first.data()).generate(first.k(), first.d(), first.seed());
      DenseNetwork f = PretrainedModel.fit(data, PretrainConfig.defaults(), first.seed());
      for (Point p : group) {
        FineTuningTask task = null;
        for (Construction c : constructions) {
          if (!present.add(key(c, p))) {
            continue;
          }
          if (task == null) {
            task = FineTuningTask.changeLabels(data, f, p.n(), p.seed());
          }
          CertifiedAdapter r;
          try {
            Certifier.Built built = Certifier.build(task, c, p.seed(), settings);
            long cost = built.verificationCost(task);
            if (cost > maxMultiplyAdds) {
              tooCostly.add(new TooCostly(p, c, cost));
              progress.update(++done, total);
              continue;
            }
            r = Certifier.verify(task, built);
          } catch (RuntimeException e) {
            // a construction that cannot be built is a failure of its own, not of the sweep
            failures.add(new Failure(p, c, Double.NaN, Double.NaN, String.valueOf(e.getMessage())));
            progress.update(++done, total);
            continue;
          }
          log.append(row(p, r));
          if (!r.passed()) {
            failures.add(
                new Failure(
                    p, c, r.verification().maxAbsResidual(), r.verification().tolerance(), null));
          }
          progress.update(++done, total);
        }
      }
    }
    return new Summary(
        done - tooCostly.size(), skipped, List.copyOf(failures), List.copyOf(tooCostly));
  }

  /** The certify.csv row of one result ({@link ResultFiles#CERTIFY}). */
  static List<Object> row(Point p, CertifiedAdapter r) {
    return List.of(
        r.construction().depth(),
        r.construction().label(),
        p.n(),
        p.k(),
        p.d(),
        p.seed(),
        r.neurons(),
        r.network().parameterCount(),
        r.upperBound(),
        r.lowerBound(),
        r.verification().maxAbsResidual(),
        String.format(Locale.ROOT, "%.3f", r.buildMillis()),
        String.format(Locale.ROOT, "%.3f", r.verifyMillis()),
        p.data(),
        r.network().maxAbsParameter());
  }

  /** The identity of construction {@code c}'s row at point {@code p} ({@link ResultFile#keyOf}). */
  public static String key(Construction c, Point p) {
    return String.join(
        ",",
        c.label(),
        String.valueOf(p.n()),
        String.valueOf(p.k()),
        String.valueOf(p.d()),
        String.valueOf(p.seed()),
        p.data());
  }
}
