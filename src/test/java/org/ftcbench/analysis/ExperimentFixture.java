package org.ftcbench.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ftcbench.construct.Construction;
import org.ftcbench.results.Csv;
import org.ftcbench.results.ResultFile;
import org.ftcbench.results.ResultFiles;

/**
 * Rows of the two experiments with numbers chosen to be checked by hand, appended to a run's
 * certify.csv and capacity.csv (created with their headers when absent).
 *
 * <p>Pre-training quality at K = 100, d = 10, seeds 1 and 2: N ∈ {10, 30, 100}; the 2-layer
 * interpolant has 3N + 1 neurons capped at K − 1 (31, 91, 99 = its formula), U1 has 38 neurons
 * against its formula 40 at every N; trained m_min is 2N − 1 and 2N + 1 (depth 2) and about 4√N
 * (depth 3, paper criterion).
 *
 * <p>Data shape at N = 10, K = 50, seed 1: Gaussian and clusters of σ ∈ {0.1, 0.01, 0.001} (4
 * centres) in d ∈ {2, 10}; the 2-layer interpolant's largest |weight| is 5/σ (Gaussian: 5), its
 * residual 1e-16, its neurons 31; trained m_min (depth 2) is 12 on Gaussian data and grows as σ
 * shrinks (−3·log10 σ + 10: 13, 16, 19).
 */
public final class ExperimentFixture {
  private ExperimentFixture() {}

  public static final int FRACTION_K = 100;
  public static final int[] FRACTION_N = {10, 30, 100};
  public static final double[] SIGMAS = {0.1, 0.01, 0.001};
  public static final int[] DS = {2, 10};

  static String clusters(double sigma) {
    return "clusters:centres=4,sigma=" + (sigma == 0.1 ? "0.1" : sigma == 0.01 ? "0.01" : "1e-3");
  }

  /** Appends both experiments' rows to {@code dir}'s certify.csv and capacity.csv. */
  public static Path append(Path dir) {
    List<String> certify = new ArrayList<>();
    List<String> capacity = new ArrayList<>();
    int k = FRACTION_K;
    for (long seed = 1; seed <= 2; seed++) {
      for (int n : FRACTION_N) {
        double two = Math.min(3 * n + 1, k - 1);
        certify.add(
            certify(
                Construction.TWO_LAYER_INTERPOLANT,
                n,
                k,
                10,
                seed,
                two,
                two,
                50,
                1e-16,
                "gaussian"));
        certify.add(certify(Construction.U1_YUN, n, k, 10, seed, 38, 40, 5e4, 1e-16, "gaussian"));
        capacity.add(capacity(2, n, k, 10, seed, 2 * n + (seed == 1 ? -1 : 1), "gaussian"));
        // a little off 4√N (1%, 0.5%) so that the slope has an interval around 0.5
        double off = n == 30 ? 1.01 : n == 100 ? 0.995 : 1;
        capacity.add(capacity(3, n, k, 10, seed, 4 * Math.sqrt(n) * off, "gaussian"));
      }
    }
    for (int d : DS) {
      certify.add(
          certify(Construction.TWO_LAYER_INTERPOLANT, 10, 50, d, 1, 31, 31, 5, 1e-16, "gaussian"));
      capacity.add(capacity(2, 10, 50, d, 1, 12, "gaussian"));
      for (double sigma : SIGMAS) {
        String data = clusters(sigma);
        certify.add(
            certify(
                Construction.TWO_LAYER_INTERPOLANT, 10, 50, d, 1, 31, 31, 5 / sigma, 1e-16, data));
        capacity.add(capacity(2, 10, 50, d, 1, -3 * Math.log10(sigma) + 10, data));
      }
    }
    append(dir, ResultFiles.CERTIFY, certify);
    append(dir, ResultFiles.CAPACITY, capacity);
    return dir;
  }

  private static String certify(
      Construction c,
      int n,
      int k,
      int d,
      long seed,
      double neurons,
      double formula,
      double weight,
      double residual,
      String data) {
    return FixtureRun.certifyLine(
        c, n, k, d, seed, neurons, 100, formula, formula - 1, residual, data, weight);
  }

  private static String capacity(int depth, int n, int k, int d, long seed, double m, String data) {
    return FixtureRun.capacityLine(
        depth, n, k, d, seed, "paper", m, 0.5, "float32", data, ResultFiles.ADDITIVE);
  }

  private static void append(Path dir, ResultFile file, List<String> lines) {
    try {
      Files.createDirectories(dir);
      Path p = dir.resolve(file.name());
      if (!Files.exists(p)) {
        Files.writeString(p, Csv.line(file.header()) + "\n");
      }
      Files.writeString(p, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
