package org.ftcbench.construct;

import java.util.Arrays;
import java.util.Random;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.RandomSubset;
import org.jblas.DoubleMatrix;

/**
 * Random fine-tuning tasks for the property tests, with the edge cases of the issue built in: T
 * random, one block of adjacent samples, at either end of the sorted order, or everything; z
 * uniform in [−2, 2] (outside the 3-layer theory's [−1, 1]), all equal, or 0 on T. f is the zero
 * network (the constructions only see z = y' − f(x)), so no pre-training is needed.
 */
final class RandomTasks {
  private RandomTasks() {}

  /** Where the changed samples are. */
  enum Placement {
    RANDOM,
    ADJACENT,
    LOW_END,
    HIGH_END
  }

  /** What the changed targets are. */
  enum Targets {
    UNIFORM,
    ALL_EQUAL,
    ZERO,
    SMALL
  }

  static FineTuningTask task(int k, int n, int d, long seed, Placement placement, Targets targets) {
    Random rng = new Random(seed);
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = rng.nextGaussian();
    }
    // order of the samples along the first coordinate: "ends" refer to it, and the projection
    // of Gaussian data is unrelated, so ADJACENT/LOW_END/HIGH_END are adjacent in x_1, which for
    // d = 1 is also the sorted order of every projection
    Integer[] byFirst = new Integer[k];
    for (int i = 0; i < k; i++) {
      byFirst[i] = i;
    }
    Arrays.sort(byFirst, (a, b) -> Double.compare(x.get(a, 0), x.get(b, 0)));
    int[] t = new int[n];
    switch (placement) {
      case RANDOM -> t = RandomSubset.draw(rng, k, n);
      case ADJACENT -> {
        int start = rng.nextInt(k - n + 1);
        for (int i = 0; i < n; i++) {
          t[i] = byFirst[start + i];
        }
      }
      case LOW_END -> {
        for (int i = 0; i < n; i++) {
          t[i] = byFirst[i];
        }
      }
      case HIGH_END -> {
        for (int i = 0; i < n; i++) {
          t[i] = byFirst[k - 1 - i];
        }
      }
    }
    DoubleMatrix z = new DoubleMatrix(k, 1);
    double common = 4 * rng.nextDouble() - 2;
    for (int i : t) {
      z.data[i] =
          switch (targets) {
            case UNIFORM -> 4 * rng.nextDouble() - 2;
            case ALL_EQUAL -> common;
            case ZERO -> 0;
            case SMALL -> 2 * rng.nextDouble() - 1;
          };
    }
    return FineTuningTask.fromResiduals(x, z, t);
  }
}
