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
 * BigDecimal arithmetic (every double is an exact binary fraction, so products and sums of them are
 * exact, and ReLU is a comparison with 0).
 */
class ExactForwardTest {

  /** g(x) in exact arithmetic, sample by sample. */
  static BigDecimal[] reference(DenseNetwork g, DoubleMatrix x) {
    BigDecimal[] out = new BigDecimal[x.rows];
    for (int i = 0; i < x.rows; i++) {
      BigDecimal[] h = new BigDecimal[x.columns];
      for (int c = 0; c < x.columns; c++) {
        h[c] = new BigDecimal(x.get(i, c));
      }
      for (int l = 1; l <= g.depth(); l++) {
        DoubleMatrix w = g.weight(l);
        BigDecimal[] next = new BigDecimal[w.rows];
        for (int r = 0; r < w.rows; r++) {
          BigDecimal s = new BigDecimal(g.bias(l).get(r));
          for (int c = 0; c < w.columns; c++) {
            s = s.add(new BigDecimal(w.get(r, c)).multiply(h[c]));
          }
          next[r] = l < g.depth() && s.signum() < 0 ? BigDecimal.ZERO : s;
        }
        h = next;
      }
      out[i] = h[0];
    }
    return out;
  }

  /**
   * A 1-D network in the shape of the 2-layer interpolant (W1 = 1_m aᵀ), with output weights up to
   * 1e9 that cancel, and samples placed exactly on some knots.
   */
  static DenseNetwork oneDimensional(Random rng, int d, int m) {
    DenseNetwork g = new DenseNetwork(d, m, 1);
    double[] a = new double[d];
    for (int c = 0; c < d; c++) {
      a[c] = rng.nextGaussian();
    }
    for (int k = 0; k < m; k++) {
      for (int c = 0; c < d; c++) {
        g.weight(1).put(k, c, a[c]);
      }
      g.bias(1).put(k, rng.nextGaussian());
      g.weight(2).put(0, k, rng.nextGaussian() * Math.pow(10, rng.nextInt(10)));
    }
    g.bias(2).put(0, rng.nextGaussian());
    return g;
  }

  static DoubleMatrix inputs(Random rng, int k, int d) {
    DoubleMatrix x = new DoubleMatrix(k, d);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = rng.nextGaussian();
    }
    return x;
  }

  /** Within 2^−95 of the magnitudes involved: exact for any certificate's purpose. */
  private static void assertClose(double[] got, BigDecimal[] exact, double scale) {
    for (int i = 0; i < got.length; i++) {
      double err = new BigDecimal(got[i]).subtract(exact[i]).abs().doubleValue();
      // got is rounded to double once at the end: half an ulp of the value, plus dd rounding
      assertThat(err)
          .as("sample %d", i)
          .isLessThanOrEqualTo(Math.ulp(got[i]) + Math.scalb(scale, -95));
    }
  }

  @Property(tries = 60, seed = "20261127")
  void oneDimensionalSweepIsExact(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 30) int m,
      @ForAll @IntRange(min = 1, max = 4) int d) {
    Random rng = new Random(seed);
    DenseNetwork g = oneDimensional(rng, d, m);
    DoubleMatrix x = inputs(rng, 40, d);
    if (d == 1) {
      // samples exactly on knots: aᵀx + b1_k = 0 in exact arithmetic when a = 1
      g.weight(1).fill(1);
      for (int i = 0; i < Math.min(m, 10); i++) {
        x.put(i, 0, -g.bias(1).get(i));
      }
    }
    assertThat(ExactForward.isOneDimensional(g)).isTrue();
    assertClose(ExactForward.evaluate(g, x), reference(g, x), 1e12);
    assertClose(ExactForward.dense(g, x), reference(g, x), 1e12);
  }

  @Property(tries = 40, seed = "20261127")
  void densePathIsExact(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 3) int hiddenLayers) {
    Random rng = new Random(seed);
    int[] widths = new int[hiddenLayers + 2];
    widths[0] = 1 + rng.nextInt(4);
    for (int l = 1; l <= hiddenLayers; l++) {
      widths[l] = 1 + rng.nextInt(8);
    }
    widths[hiddenLayers + 1] = 1;
    DenseNetwork g = DenseNetwork.heInitialised(rng, widths);
    // large weights that cancel, as in the λ-scaled 3-layer constructions
    g.weight(hiddenLayers).muli(1e7);
    DoubleMatrix x = inputs(rng, 30, widths[0]);
    assertClose(ExactForward.dense(g, x), reference(g, x), 1e12);
    assertClose(ExactForward.evaluate(g, x), reference(g, x), 1e12);
  }

  @Test
  void rowsThatDifferInOneBitAreNotOneDimensional() {
    DenseNetwork g = oneDimensional(new Random(1), 3, 4);
    assertThat(ExactForward.isOneDimensional(g)).isTrue();
    g.weight(1).put(2, 1, Math.nextUp(g.weight(1).get(2, 1)));
    assertThat(ExactForward.isOneDimensional(g)).isFalse();
    assertThat(ExactForward.isOneDimensional(new DenseNetwork(3, 0, 1))).isFalse();
  }
}
