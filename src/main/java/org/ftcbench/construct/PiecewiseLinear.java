package org.ftcbench.construct;

/**
 * One continuous piecewise-linear function of the projection c = aᵀx, written as ReLUs of c:
 *
 * <pre>F(c) = b + Σ_i w_i relu(c − p_i),   p_0 ≤ p_1 ≤ … ≤ p_{n−1},</pre>
 *
 * the constant b left of p_0, its slope stepping by w_i at each kink p_i. Every construction writes
 * its pre-activations this way: the 2-layer interpolant's output (kinks at the kept points, Lemma
 * 4.5), each layer-2 neuron of the 3-layer constructions (kinks at the ends of the group
 * intervals), Appendix A's single neuron.
 *
 * <p>Piece i runs from p_i to p_{i+1} (the last one to +∞) and says what it must do: pass through a
 * point ({@link Through}), end at a value at p_{i+1} ({@link Reach}), or keep the slope it has
 * ({@link Keep}). The weights are solved left to right against the function the <em>stored</em>
 * weights define: w_i from the exact F(p_i) that the rounded w_0 … w_{i−1} give, in 200-bit
 * arithmetic ({@link BigFloat}). So roundings never add up: the only error left is the rounding of
 * the weight that starts a piece, times how far the piece's point lies from its kink. Each weight
 * is stored as a double-double, plus a third double where dropping it would move F by more than
 * {@code negligible} anywhere on the data ({@link PreciseNetwork}).
 */
final class PiecewiseLinear {
  /** What one piece must do. */
  sealed interface Piece permits Through, Reach, Keep {}

  /** The piece passes through (c, value); c = cHi + cLo lies strictly right of its kink. */
  record Through(double cHi, double cLo, double value) implements Piece {}

  /** The piece ends at {@code value} at the next kink (which lies strictly right of its own). */
  record Reach(double value) implements Piece {}

  /** The piece keeps the slope of the one before it (weight 0). */
  enum Keep implements Piece {
    KEEP
  }

  /**
   * The solved function.
   *
   * @param biasHi b, rounded to double
   * @param biasLo the rest of b
   * @param hi w_i rounded to double
   * @param lo the rest of w_i rounded to double
   * @param third what is left of w_i, or 0 where negligible
   */
  record Solution(double biasHi, double biasLo, double[] hi, double[] lo, double[] third) {
    /** Whether some weight has a third part. */
    boolean hasThird() {
      for (double t : third) {
        if (t != 0) {
          return true;
        }
      }
      return false;
    }
  }

  private final BigFloat[] kink;
  private final BigFloat[] run;
  private final double span;
  private final double negligible;

  /**
   * @param kinkHi p_i rounded to double, ascending
   * @param kinkLo the rest of each p_i
   * @param span the length of the stretch of c the data covers: how far a weight can act
   * @param negligible a change of F that does not matter (far below the tolerance)
   */
  PiecewiseLinear(double[] kinkHi, double[] kinkLo, double span, double negligible) {
    int n = kinkHi.length;
    kink = new BigFloat[n];
    run = new BigFloat[Math.max(0, n - 1)];
    for (int i = 0; i < n; i++) {
      kink[i] = BigFloat.of(kinkHi[i], kinkLo[i], 0);
      if (i > 0) {
        run[i - 1] = kink[i].subtract(kink[i - 1]);
        if (run[i - 1].signum() < 0) {
          throw new IllegalStateException(
              "kinks "
                  + (i - 1)
                  + " and "
                  + i
                  + " are not ascending: "
                  + kinkHi[i - 1]
                  + ", "
                  + kinkHi[i]);
        }
      }
    }
    this.span = span;
    this.negligible = negligible;
  }

  /** The number of kinks. */
  int size() {
    return kink.length;
  }

  /** Solves the weights for F = {@code start} left of p_0 and one piece per kink. */
  Solution solve(double start, Piece[] pieces) {
    int n = kink.length;
    if (pieces.length != n) {
      throw new IllegalArgumentException(n + " kinks but " + pieces.length + " pieces");
    }
    double[] hi = new double[n];
    double[] lo = new double[n];
    double[] third = new double[n];
    BigFloat f = BigFloat.of(start); // F at the current kink, as the stored weights give it
    BigFloat slope = BigFloat.ZERO; // F's slope left of it
    for (int i = 0; i < n; i++) {
      BigFloat want;
      if (pieces[i] instanceof Through t) {
        BigFloat dist = BigFloat.of(t.cHi(), t.cLo(), 0).subtract(kink[i]);
        if (dist.signum() <= 0) {
          throw new IllegalStateException(
              "piece " + i + "'s point " + t.cHi() + " does not lie right of its kink");
        }
        want = BigFloat.of(t.value()).subtract(f).divide(dist);
      } else if (pieces[i] instanceof Reach r) {
        if (i + 1 >= n || run[i].signum() == 0) {
          throw new IllegalStateException("piece " + i + " has no width to reach a value over");
        }
        want = BigFloat.of(r.value()).subtract(f).divide(run[i]);
      } else {
        want = slope;
      }
      BigFloat w = want.subtract(slope);
      hi[i] = w.doubleValue();
      BigFloat rest = w.subtract(BigFloat.of(hi[i]));
      lo[i] = rest.doubleValue();
      double t3 = rest.subtract(BigFloat.of(lo[i])).doubleValue();
      // a third part matters where its effect over the data reaches the negligible level
      third[i] = Math.abs(t3) * span > negligible ? t3 : 0;
      slope = slope.add(BigFloat.of(hi[i], lo[i], third[i]));
      if (i + 1 < n) {
        f = f.add(slope.multiply(run[i]));
      }
    }
    return new Solution(start, 0, hi, lo, third);
  }
}
