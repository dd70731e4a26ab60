package org.ftcbench.construct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.RandomSubset;
import org.jblas.DoubleMatrix;

/**
 * Fine-tuning tasks built to break the certified constructions: near-duplicate inputs (tight
 * clusters, twins 1e−12 apart, inputs that differ in their last bit only), collinear inputs, huge
 * and tiny scales, and the small edge cases. Every one has distinct inputs (identical ones share
 * their target), so by Theorems 4.1 and 5.1 every one is fittable. f is the zero network (the
 * constructions only see z).
 */
public final class AdversarialTasks {
  private AdversarialTasks() {}

  /** A named task. */
  public record Named(String name, FineTuningTask task) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** All of them. */
  public static List<Named> all() {
    return List.of(
        new Named(
            "tight clusters, spread 1e-6 (20 centres, d = 50)", clusters(20, 25, 50, 1e-6, 60, 1)),
        new Named(
            "tight clusters, spread 1e-10 (20 centres, d = 50)",
            clusters(20, 25, 50, 1e-10, 60, 2)),
        new Named(
            "tight clusters, spread 1e-12 (10 centres, d = 3)", clusters(10, 20, 3, 1e-12, 40, 3)),
        new Named("twins 1e-12 apart, one of each pair changed", twins(100, 5, 1e-12, 4)),
        new Named("inputs differing in the last bit (projections tie in double)", lastBit(5)),
        new Named("collinear inputs", collinear(300, 6, 30, 6)),
        new Named("huge scale: x ~ 1e100", scaled(200, 4, 20, v -> 1e100 * v, 7)),
        new Named("tiny scale: x ~ 1e-100", scaled(200, 4, 20, v -> 1e-100 * v, 8)),
        new Named("huge offset: x = 1e8 + 1e-3 noise", scaled(200, 3, 20, v -> 1e8 + 1e-3 * v, 9)),
        new Named("d = 1, exponentially spaced", line(10)),
        new Named("K = 3, N = 1", scaled(3, 2, 1, v -> v, 11)),
        new Named("N = K = 50", scaled(50, 4, 50, v -> v, 12)),
        new Named("targets of 1e6", bigTargets(13)));
  }

  /** Gaussian centres in d dimensions with {@code per} points each, Gaussian spread around them. */
  public static FineTuningTask clusters(
      int centres, int per, int d, double spread, int n, long seed) {
    Random rng = new Random(seed);
    DoubleMatrix x = new DoubleMatrix(centres * per, d);
    for (int c = 0; c < centres; c++) {
      double[] centre = gaussian(rng, d);
      for (int i = 0; i < per; i++) {
        for (int j = 0; j < d; j++) {
          x.put(c * per + i, j, centre[j] + spread * rng.nextGaussian());
        }
      }
    }
    return withChanges(x, n, rng);
  }

  /** {@code k} Gaussian points, each with a twin {@code apart} away; N = k. */
  private static FineTuningTask twins(int k, int d, double apart, long seed) {
    Random rng = new Random(seed);
    DoubleMatrix x = new DoubleMatrix(2 * k, d);
    int[] t = new int[k];
    DoubleMatrix z = new DoubleMatrix(2 * k, 1);
    for (int i = 0; i < k; i++) {
      double[] p = gaussian(rng, d);
      double[] u = gaussian(rng, d);
      double norm = Math.sqrt(Arrays.stream(u).map(v -> v * v).sum());
      for (int j = 0; j < d; j++) {
        x.put(2 * i, j, p[j]);
        x.put(2 * i + 1, j, p[j] + apart * u[j] / norm);
      }
      t[i] = 2 * i + rng.nextInt(2);
      z.put(t[i], 2 * rng.nextDouble() - 1);
    }
    return FineTuningTask.fromResiduals(x, z, t);
  }

  /**
   * Points on an integer grid in d = 2, each with a copy whose first coordinate is one ulp larger
   * (so every projection rounds both to the same double) and some exact duplicates (same target).
   */
  private static FineTuningTask lastBit(long seed) {
    Random rng = new Random(seed);
    int k = 60;
    DoubleMatrix x = new DoubleMatrix(3 * k, 2);
    DoubleMatrix z = new DoubleMatrix(3 * k, 1);
    List<Integer> t = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double a = 1 + i % 8;
      double b = 1 + i / 8;
      x.put(3 * i, 0, a);
      x.put(3 * i, 1, b);
      x.put(3 * i + 1, 0, Math.nextUp(a));
      x.put(3 * i + 1, 1, b);
      x.put(3 * i + 2, 0, a); // an exact duplicate of the first: the same target
      x.put(3 * i + 2, 1, b);
      if (i % 3 == 0) {
        double v = 2 * rng.nextDouble() - 1;
        z.put(3 * i, v);
        z.put(3 * i + 2, v);
        t.add(3 * i);
        t.add(3 * i + 2);
      } else if (i % 3 == 1) {
        z.put(3 * i + 1, 2 * rng.nextDouble() - 1);
        t.add(3 * i + 1);
      }
    }
    return FineTuningTask.fromResiduals(x, z, t.stream().mapToInt(Integer::intValue).toArray());
  }

  private static FineTuningTask collinear(int k, int d, int n, long seed) {
    Random rng = new Random(seed);
    double[] v = gaussian(rng, d);
    double[] w = gaussian(rng, d);
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < k; i++) {
      double s = rng.nextDouble();
      for (int j = 0; j < d; j++) {
        x.put(i, j, w[j] + s * v[j]);
      }
    }
    return withChanges(x, n, rng);
  }

  private static FineTuningTask scaled(int k, int d, int n, DoubleUnaryOperator f, long seed) {
    Random rng = new Random(seed);
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = f.applyAsDouble(rng.nextGaussian());
    }
    return withChanges(x, n, rng);
  }

  private static FineTuningTask line(long seed) {
    Random rng = new Random(seed);
    DoubleMatrix x = new DoubleMatrix(100, 1);
    for (int i = 0; i < 100; i++) {
      x.put(i, Math.exp(i / 4.0)); // from 1 to e^25: gaps from 0.3 to 1e10
    }
    return withChanges(x, 30, rng);
  }

  private static FineTuningTask bigTargets(long seed) {
    FineTuningTask t = scaled(100, 3, 15, v -> v, seed);
    return FineTuningTask.fromResiduals(t.x(), t.z().mul(1e6), t.changed());
  }

  private static FineTuningTask withChanges(DoubleMatrix x, int n, Random rng) {
    int k = x.rows;
    int[] t = RandomSubset.draw(rng, k, n);
    DoubleMatrix z = new DoubleMatrix(k, 1);
    for (int i : t) {
      z.put(i, 2 * rng.nextDouble() - 1);
    }
    return FineTuningTask.fromResiduals(x, z, t);
  }

  private static double[] gaussian(Random rng, int d) {
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = rng.nextGaussian();
    }
    return v;
  }

  /** Writes a task as certify --input reads it: {"x": …, "z": …, "T": …}. */
  public static void write(FineTuningTask task, Path file) throws IOException {
    StringBuilder b = new StringBuilder("{\"x\": [");
    for (int i = 0; i < task.k(); i++) {
      b.append(i > 0 ? ",\n[" : "[");
      for (int j = 0; j < task.d(); j++) {
        b.append(j > 0 ? ", " : "").append(task.x().get(i, j));
      }
      b.append(']');
    }
    b.append("],\n\"z\": [");
    for (int i = 0; i < task.k(); i++) {
      b.append(i > 0 ? ", " : "").append(task.z().get(i));
    }
    b.append("],\n\"T\": ").append(Arrays.toString(task.changed())).append("}\n");
    Files.writeString(file, b.toString());
  }
}
