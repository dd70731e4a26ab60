package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactForward} against the slow, obvious reference: the network evaluated in exact
 * BigDecimal arithmetic, low and third parts included (every double is an exact binary fraction, so
 * products and sums of them are exact, and ReLU is a comparison with 0).
 */
class ExactForwardTest {

  /** g(x) in exact arithmetic, sample by sample, parameters = network + low + third. */
  static BigDecimal[] reference(PreciseNetwork w, DoubleMatrix x) {
    DenseNetwork g = w.network();
    BigDecimal[] out = new BigDecimal[x.rows];
    for (int i = 0; i < x.rows; i++) {
      BigDecimal[] h = new BigDecimal[x.columns];
      for (int c = 0; c < x.columns; c++) {
        h[c] = new BigDecimal(x.get(i, c));
      }
      for (int l = 1; l <= g.depth(); l++) {
        DoubleMatrix wl = g.weight(l);
        BigDecimal[] next = new BigDecimal[wl.rows];
        for (int r = 0; r < wl.rows; r++) {
          BigDecimal s = w.exactBias(l, r);
          for (int c = 0; c < wl.columns; c++) {
            s = s.add(w.exactWeight(l, r, c).multiply(h[c]));
          }
          next[r] = l < g.depth() && s.signum() < 0 ? BigDecimal.ZERO : s;
        }
        h = next;
      }
      out[i] = h[0];
    }
    return out;
  }

  static BigDecimal reference(DenseNetwork g, DoubleMatrix x, int i) {
    return reference(PreciseNetwork.of(g), x.getRow(i))[0];
  }

  /** A vector with 26-bit entries, like the projection direction. */
  static double[] shortVector(Random rng, int d) {
    double[] a = new double[d];
    for (int c = 0; c < d; c++) {
      a[c] = Projection.shortMantissa(rng.nextGaussian());
    }
    return a;
  }

  /**
   * A network whose first-layer rows are s_i · a (s_i with 26 bits, some negative, some equal to
   * share rows), deeper layers with weights up to 1e9 that cancel and random low parts, like the
   * constructions.
   */
  static PreciseNetwork alongA(Random rng, double[] a, int... widths) {
    DenseNetwork g = DenseNetwork.heInitialised(rng, widths);
    DenseNetwork low = new DenseNetwork(widths);
    for (int i = 0; i < widths[1]; i++) {
      double s = Projection.shortMantissa(rng.nextGaussian() * 4);
      for (int c = 0; c < a.length; c++) {
        g.weight(1).put(i, c, s * a[c]);
      }
      g.bias(1).put(i, rng.nextGaussian());
    }
    for (int l = 2; l < widths.length; l++) {
      DoubleMatrix wl = g.weight(l);
      for (int e = 0; e < wl.length; e++) {
        wl.data[e] *= Math.pow(10, rng.nextInt(10));
        low.weight(l).data[e] = Math.ulp(wl.data[e]) * (rng.nextDouble() - 0.5);
      }
      for (int r = 0; r < widths[l]; r++) {
        g.bias(l).put(r, rng.nextGaussian() * 1e3);
        low.bias(l).put(r, Math.ulp(g.bias(l).get(r)) * (rng.nextDouble() - 0.5));
      }
      if (widths[l] > 2) {
        // two units of layer l that share their row, with different biases
        g.weight(l).putRow(1, g.weight(l).getRow(0));
        low.weight(l).putRow(1, low.weight(l).getRow(0));
      }
    }
    return new PreciseNetwork(g, low);
  }

  /** Within 2^−95 of the magnitudes involved, plus the final rounding to double. */
  private static void assertClose(double[] got, BigDecimal[] exact, double scale) {
    for (int i = 0; i < got.length; i++) {
      double err = new BigDecimal(got[i]).subtract(exact[i]).abs().doubleValue();
      assertThat(err)
          .as("sample %d", i)
          .isLessThanOrEqualTo(Math.ulp(got[i]) + Math.scalb(scale, -95));
    }
  }

  @Property(tries = 60, seed = "20261127")
  void alongTheDirectionIsExact(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 2, max = 3) int depth,
      @ForAll @IntRange(min = 1, max = 12) int width,
      @ForAll @IntRange(min = 1, max = 4) int d) {
    Random rng = new Random(seed);
    double[] a = shortVector(rng, d);
    PreciseNetwork w =
        depth == 2 ? alongA(rng, a, d, width, 1) : alongA(rng, a, d, width, 1 + width / 2, 1);
    DoubleMatrix x = DoubleMatrix.randn(40, d);
    // samples exactly on first-layer knots: aᵀx = −b_i / s_i, exact when a = (1, 0, …)
    if (d == 1) {
      a[0] = 1;
      for (int i = 0; i < w.network().width(1); i++) {
        w.network().weight(1).put(i, 0, Projection.shortMantissa(rng.nextGaussian()));
      }
      for (int i = 0; i < Math.min(10, w.network().width(1)); i++) {
        double s = w.network().weight(1).get(i, 0);
        double knot = -w.network().bias(1).get(i) / s;
        w.network().bias(1).put(i, -knot * s); // now exact: the knot is a double
        x.put(i, 0, knot);
      }
    }
    BigDecimal[] exact = reference(w, x);
    double[] along = ExactForward.alongDirection(w, a, x);
    assertThat(along).isNotNull();
    assertClose(along, exact, 1e15);
    assertClose(ExactForward.dense(w, x), exact, 1e15);
  }

  @Test
  void aRowThatIsNoExactMultipleOfTheDirectionIsRefused() {
    Random rng = new Random(3);
    double[] a = shortVector(rng, 3);
    PreciseNetwork w = alongA(rng, a, 3, 4, 1);
    assertThat(ExactForward.alongDirection(w, a, DoubleMatrix.randn(5, 3))).isNotNull();
    w.network().weight(1).put(2, 1, Math.nextUp(w.network().weight(1).get(2, 1)));
    assertThat(ExactForward.alongDirection(w, a, DoubleMatrix.randn(5, 3))).isNull();
    // a direction with full 53-bit entries: s_i · a is not exact, so neither is the check
    double[] full = {0.1, 0.7, -0.3};
    DenseNetwork g = new DenseNetwork(3, 2, 1);
    for (int c = 0; c < 3; c++) {
      g.weight(1).put(0, c, full[c]);
      g.weight(1).put(1, c, 3 * full[c]);
    }
    assertThat(ExactForward.alongDirection(PreciseNetwork.of(g), full, DoubleMatrix.randn(2, 3)))
        .isNull();
  }
}
