package org.ftcbench.data;

import java.util.Random;
import org.jblas.DoubleMatrix;

/**
 * The synthetic data of the paper's only experiment (Sohn et al. 2024, Section 7): x_i ~ N(0, I_d)
 * and y_i ~ Unif[−1, 1], i = 1 … K, drawn from seeded streams. The other input shapes are {@link
 * DataFamily}s; they share these labels.
 */
public final class PaperData {
  private PaperData() {}

  /** K samples in dimension d under {@code seed}; the same arguments give the same bits. */
  public static Dataset generate(int k, int d, long seed) {
    Validate.sizes(k, 0, d);
    return new Dataset(inputs(k, d, Seeds.stream(seed, Seeds.INPUTS)), labels(k, seed));
  }

  /** x_i ~ N(0, I_d), K × d, row by row, so that sample i does not depend on K. */
  static DoubleMatrix inputs(int k, int d, Random inputs) {
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < d; j++) {
        x.put(i, j, inputs.nextGaussian());
      }
    }
    return x;
  }

  /** y_i ~ Unif[−1, 1], K × 1, from the labels stream of {@code seed}. */
  static DoubleMatrix labels(int k, long seed) {
    Random labels = Seeds.stream(seed, Seeds.LABELS);
    DoubleMatrix y = new DoubleMatrix(k, 1);
    for (int i = 0; i < k; i++) {
      y.data[i] = uniformMinusOneOne(labels);
    }
    return y;
  }

  /** A draw from Unif[−1, 1]. */
  static double uniformMinusOneOne(Random rng) {
    return 2 * rng.nextDouble() - 1;
  }
}
