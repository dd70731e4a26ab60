package org.ftcbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.Precision;
import org.ftcbench.nn.Weights;
import org.jblas.DoubleMatrix;

/**
 * Correctness first: before a non-default BLAS configuration (another OpenBLAS core type, or the
 * system OpenBLAS preloaded) is trusted with a benchmark run, it must compute what the default
 * configuration computes. This class computes a fixed set of seeded results through BLAS — a GEMM,
 * a GEMV and one Adam training step of f + g — that the launcher produces once under each
 * configuration and compares.
 *
 * <p>Different kernels sum in different orders, so results are compared with a relative tolerance
 * ({@link #TOLERANCE}), not bit for bit; a kernel that is wrong for the CPU (the reason the bundled
 * 2020 OpenBLAS needs a core override on new CPUs) misses it by many orders of magnitude.
 */
public final class BlasSelfCheck {
  /**
   * Relative tolerance: rounding differences of reordered sums are ~1e-15 here; 1e-9 leaves a wide
   * margin and still catches any real error.
   */
  public static final double TOLERANCE = 1e-9;

  /**
   * The same for single precision: reordered float sums differ by ~1e-6 relative (2^-24 per
   * rounding, a few hundred terms); 1e-4 still catches any real error.
   */
  public static final double FLOAT32_TOLERANCE = 1e-4;

  private BlasSelfCheck() {}

  /** One named group of results and the relative tolerance it is compared with. */
  public record Result(String name, double[] values, double tolerance) {}

  /** The fixed computations, in a fixed order. */
  public static List<Result> compute() {
    Random rng = new Random(20240801);
    List<Result> out = new ArrayList<>();
    // GEMM at an odd shape, so edge kernels run too: C = A B  (97×61 · 61×83)
    DoubleMatrix a = new DoubleMatrix(97, 61);
    fill(a, rng);
    DoubleMatrix b = new DoubleMatrix(61, 83);
    fill(b, rng);
    out.add(new Result("gemm 97x61x83", a.mmul(b).data, TOLERANCE));
    // GEMM at a blocked size: 256×256 · 256×256
    DoubleMatrix p = new DoubleMatrix(256, 256);
    DoubleMatrix q = new DoubleMatrix(256, 256);
    fill(p, rng);
    fill(q, rng);
    out.add(new Result("gemm 256x256x256", p.mmul(q).data, TOLERANCE));
    // GEMV: y = A v
    DoubleMatrix v = new DoubleMatrix(61, 1);
    fill(v, rng);
    out.add(new Result("gemv 97x61", a.mmul(v).data, TOLERANCE));
    // both products in single precision (sgemm)
    out.add(
        new Result(
            "sgemm 97x61x83", toDoubles(a.toFloat().mmul(b.toFloat()).data), FLOAT32_TOLERANCE));
    out.add(
        new Result(
            "sgemm 256x256x256", toDoubles(p.toFloat().mmul(q.toFloat()).data), FLOAT32_TOLERANCE));
    // one training step of f + g (forward, backward, Adam)
    DenseNetwork f = DenseNetwork.heInitialised(rng, 10, 32, 32, 1);
    DenseNetwork g = DenseNetwork.heInitialised(rng, 10, 24, 24, 1);
    DoubleMatrix x = new DoubleMatrix(300, 10);
    DoubleMatrix y = new DoubleMatrix(300, 1);
    fill(x, rng);
    fill(y, rng);
    for (Precision precision : Precision.values()) {
      out.add(
          new Result(
              "training step " + precision.label(),
              trainingStep(f, g, x, y, precision.kernels()),
              precision == Precision.FLOAT64 ? TOLERANCE : FLOAT32_TOLERANCE));
    }
    return out;
  }

  /**
   * The first group whose values differ beyond its tolerance (relative to the group's largest
   * magnitude), described in one line; null when all agree.
   */
  public static String firstMismatch(List<Result> expected, List<Result> actual) {
    if (expected.size() != actual.size()) {
      return "the check computed "
          + actual.size()
          + " groups, the reference has "
          + expected.size();
    }
    for (int i = 0; i < expected.size(); i++) {
      double[] e = expected.get(i).values();
      double[] g = actual.get(i).values();
      if (e.length != g.length) {
        return expected.get(i).name() + ": " + g.length + " values, expected " + e.length;
      }
      double scale = 0;
      double diff = 0;
      for (int j = 0; j < e.length; j++) {
        scale = Math.max(scale, Math.abs(e[j]));
        diff = Math.max(diff, Math.abs(e[j] - g[j]));
      }
      double tolerance = expected.get(i).tolerance();
      if (!(diff <= tolerance * Math.max(scale, Double.MIN_NORMAL))) {
        return String.format(
            java.util.Locale.ROOT,
            "%s differs by up to %.3g (relative %.3g, tolerance %.0e)",
            expected.get(i).name(),
            diff,
            diff / scale,
            tolerance);
      }
    }
    return null;
  }

  /** The loss and g's parameters after one Adam step of f + g in the precision of kernels. */
  private static <A> double[] trainingStep(
      DenseNetwork f, DenseNetwork g0, DoubleMatrix x, DoubleMatrix y, Kernels<A> kernels) {
    Weights<A> g = Weights.copyOf(g0, kernels);
    FrozenPlusAdapter<A> step =
        new FrozenPlusAdapter<>(
            f,
            g,
            x,
            y,
            FrozenPlusAdapter.FMode.CACHED,
            new Adam<>(kernels, AdamConfig.defaults()),
            128);
    double loss = step.step();
    DenseNetwork trained = new DenseNetwork(g0.widths());
    g.copyTo(trained);
    List<Double> values = new ArrayList<>();
    values.add(loss);
    for (DoubleMatrix m : trained.parameters()) {
      for (double d : m.data) {
        values.add(d);
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static void fill(DoubleMatrix m, Random rng) {
    for (int i = 0; i < m.length; i++) {
      m.data[i] = rng.nextGaussian();
    }
  }
}
