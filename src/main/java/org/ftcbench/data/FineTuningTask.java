package org.ftcbench.data;

import java.util.Arrays;
import java.util.Random;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * A fine-tuning task (Sohn et al. 2024, Section 1 and Eq. 1–3): K samples x_i, a frozen network f,
 * and labels y' that differ from f on exactly the N samples of T. An adapter g solves it when (f +
 * g)(x_i) = y'_i for all i, that is g(x_i) = z_i with residual targets z = y' − f(X), which are 0
 * off T.
 *
 * <p>The paper's experiment (Section 7): D = {(x_i, y_i)} from {@link PaperData}, f pre-trained on
 * D ({@link PretrainedModel}), then N of the K samples chosen uniformly at random get new labels
 * y'_i ~ Unif[−1, 1]. The unchanged labels are <em>defined</em> as y'_i := f(x_i), so f fits them
 * exactly, as Eq. (1) assumes, and z_i = 0 there bit for bit.
 *
 * @param seed the seed the task was drawn with (−1 for a task read from a file)
 * @param x inputs, K × d
 * @param f the frozen network
 * @param fx f(x_i), K × 1
 * @param yPrime the fine-tuning labels y', K × 1
 * @param z the residual targets y' − f(x), K × 1
 * @param changed T, the N changed sample indices (0-based, ascending)
 */
public record FineTuningTask(
    long seed,
    DoubleMatrix x,
    DenseNetwork f,
    DoubleMatrix fx,
    DoubleMatrix yPrime,
    DoubleMatrix z,
    int[] changed) {

  /** K, the number of samples. */
  public int k() {
    return x.rows;
  }

  /** N = |T|, the number of changed samples. */
  public int n() {
    return changed.length;
  }

  /** d, the input dimension. */
  public int d() {
    return x.columns;
  }

  /** The paper's task: data, pre-trained f and changed labels all drawn from {@code seed}. */
  public static FineTuningTask generate(int k, int n, int d, long seed) {
    return generate(DataFamily.GAUSSIAN, k, n, d, seed);
  }

  /**
   * The paper's task on inputs of another shape: data from {@code family}, then f pre-trained and N
   * labels changed exactly as in {@link #generate(int, int, int, long)}.
   */
  public static FineTuningTask generate(DataFamily family, int k, int n, int d, long seed) {
    Validate.sizes(k, n, d);
    Dataset data = family.generate(k, d, seed);
    DenseNetwork f = PretrainedModel.fit(data, PretrainConfig.defaults(), seed);
    return changeLabels(data, f, n, seed);
  }

  /**
   * The task on given data and f: N indices chosen uniformly at random (a seeded partial
   * Fisher–Yates shuffle) get labels from Unif[−1, 1]; all others are set to f(x_i). Sweeps call
   * this directly to share one pre-trained f between many N.
   */
  public static FineTuningTask changeLabels(Dataset data, DenseNetwork f, int n, long seed) {
    int k = data.size();
    Validate.sizes(k, n, data.dim());
    Random rng = Seeds.stream(seed, Seeds.CHANGES);
    int[] changed = RandomSubset.draw(rng, k, n);
    Arrays.sort(changed);
    DoubleMatrix fx = f.predict(data.x());
    DoubleMatrix yPrime = fx.dup();
    for (int i : changed) {
      yPrime.data[i] = PaperData.uniformMinusOneOne(rng);
    }
    DoubleMatrix z = new DoubleMatrix(k, 1);
    for (int i = 0; i < k; i++) {
      z.data[i] = yPrime.data[i] - fx.data[i];
    }
    return new FineTuningTask(seed, data.x(), f, fx, yPrime, z, changed);
  }

  /**
   * A task given only by its residual targets (a user's own model, read from a file): f is the zero
   * network, so y' = z. Without T, the changed samples are those with z ≠ 0.
   */
  public static FineTuningTask fromResiduals(DoubleMatrix x, DoubleMatrix z, int[] changed) {
    if (z.rows != x.rows || z.columns != 1) {
      throw new BadInputException(
          "x has " + x.rows + " rows but z has " + z.length + " entries: give one z per sample");
    }
    if (x.rows < 1 || x.columns < 1) {
      throw new BadInputException("the task has no samples or no input dimensions");
    }
    int[] t = changed;
    if (t == null) {
      t = java.util.stream.IntStream.range(0, z.rows).filter(i -> z.data[i] != 0).toArray();
    } else {
      t = t.clone();
      Arrays.sort(t);
      for (int i = 0; i < t.length; i++) {
        if (t[i] < 0 || t[i] >= x.rows) {
          throw new BadInputException(
              "T contains index " + t[i] + ", outside 0 … " + (x.rows - 1) + ": T is 0-based");
        }
        if (i > 0 && t[i] == t[i - 1]) {
          throw new BadInputException("T contains index " + t[i] + " twice: list each once");
        }
      }
      for (int i = 0, j = 0; i < x.rows; i++) {
        boolean inT = j < t.length && t[j] == i;
        if (inT) {
          j++;
        } else if (z.data[i] != 0) {
          throw new BadInputException(
              "z["
                  + i
                  + "] = "
                  + z.data[i]
                  + " but sample "
                  + i
                  + " is not in T: unchanged samples need z = 0, or add "
                  + i
                  + " to T");
        }
      }
    }
    DenseNetwork zero = new DenseNetwork(x.columns, 0, 1);
    return new FineTuningTask(-1, x, zero, new DoubleMatrix(x.rows, 1), z.dup(), z.dup(), t);
  }
}
