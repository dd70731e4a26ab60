package org.ftcbench.construct;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * An adapter whose parameters are sums of up to three doubles: parameter = network + low + third,
 * entry by entry. {@code network} is the plain float64 ReLU network everyone runs; {@code low}
 * (same shapes, or null when every parameter is a double) holds what rounding to double dropped,
 * and {@code third} (or null) what rounding to double-double dropped, where it matters.
 *
 * <p>The constructions store each weight in the precision its certificate needs. Double-double
 * (about 32 digits) suffices for a weight whose rounding, times the distance it acts over, stays
 * far below the tolerance: every weight of the 2-layer interpolant, and of the 3-layer
 * constructions on ordinary data. A 3-layer adapter on tight clusters (inputs 1e−10 apart inside
 * clusters 1 apart) needs a layer-2 weight of about 1e26 to carry its pre-activation across a gap
 * between two groups and a next weight of −1e26 + 1e13 that must be right to 1e−9; its third part
 * keeps those digits ({@link PiecewiseLinear}). The certificate is the exact sum, checked exactly
 * ({@link ExactForward}) and exported as exact decimals.
 *
 * @param network the parameters rounded to double
 * @param low the low parts, or null if they are all 0
 * @param third the third parts, or null if they are all 0
 */
public record PreciseNetwork(DenseNetwork network, DenseNetwork low, DenseNetwork third) {

  /** A network of double-double parameters. */
  public PreciseNetwork(DenseNetwork network, DenseNetwork low) {
    this(network, low, null);
  }

  /** A network whose parameters are doubles. */
  public static PreciseNetwork of(DenseNetwork network) {
    return new PreciseNetwork(network, null, null);
  }

  /** The low part of parameter (row, col) of layer l's weights, 0 without low parts. */
  public double lowWeight(int l, int row, int col) {
    return low == null ? 0 : low.weight(l).get(row, col);
  }

  /** The low part of layer l's bias entry row. */
  public double lowBias(int l, int row) {
    return low == null ? 0 : low.bias(l).get(row);
  }

  /** The third part of weight (row, col) of layer l, 0 without third parts. */
  public double thirdWeight(int l, int row, int col) {
    return third == null ? 0 : third.weight(l).get(row, col);
  }

  /** The third part of layer l's bias entry row. */
  public double thirdBias(int l, int row) {
    return third == null ? 0 : third.bias(l).get(row);
  }

  /** Weight (row, col) of layer l exactly: the sum of its parts. */
  public BigDecimal exactWeight(int l, int row, int col) {
    return exact(network.weight(l).get(row, col), lowWeight(l, row, col), thirdWeight(l, row, col));
  }

  /** Bias entry row of layer l exactly. */
  public BigDecimal exactBias(int l, int row) {
    return exact(network.bias(l).get(row), lowBias(l, row), thirdBias(l, row));
  }

  /** Weight (row, col) of layer l as a {@link BigFloat}, exactly. */
  BigFloat weightValue(int l, int row, int col) {
    return BigFloat.of(
        network.weight(l).get(row, col), lowWeight(l, row, col), thirdWeight(l, row, col));
  }

  /** Bias entry row of layer l as a {@link BigFloat}, exactly. */
  BigFloat biasValue(int l, int row) {
    return BigFloat.of(network.bias(l).get(row), lowBias(l, row), thirdBias(l, row));
  }

  /** hi + lo + third as an exact decimal. */
  static BigDecimal exact(double hi, double lo, double third) {
    BigDecimal v = new BigDecimal(hi);
    if (lo != 0) {
      v = v.add(new BigDecimal(lo));
    }
    if (third != 0) {
      v = v.add(new BigDecimal(third));
    }
    return v;
  }

  /**
   * The distinct weight rows of layer l: rows are equal when every entry and its lower parts are
   * equal bit for bit. The constructions' expanded activations share rows ({@link
   * SharedRowForward}, {@link ExactForward}).
   *
   * @param rowOf for each unit, the index (0, 1, … in order of first appearance) of its row
   * @param representative for each distinct row, a unit that reads it
   */
  public record DistinctRows(int[] rowOf, int[] representative) {
    /** The number of distinct rows. */
    public int count() {
      return representative.length;
    }
  }

  /** The distinct weight rows of layer l. */
  public DistinctRows distinctRows(int l) {
    DoubleMatrix hi = network.weight(l);
    DoubleMatrix lo = low == null ? null : low.weight(l);
    DoubleMatrix th = third == null ? null : third.weight(l);
    Map<RowKey, Integer> seen = new HashMap<>();
    int[] rowOf = new int[hi.rows];
    int[] representative = new int[hi.rows];
    for (int r = 0; r < hi.rows; r++) {
      rowOf[r] = seen.computeIfAbsent(new RowKey(hi, lo, th, r), unused -> seen.size());
      representative[rowOf[r]] = r; // any unit of the row will do: the rows are equal
    }
    return new DistinctRows(rowOf, java.util.Arrays.copyOf(representative, seen.size()));
  }

  /** Row r of a weight matrix and its lower parts, compared bit for bit. */
  private record RowKey(DoubleMatrix hi, DoubleMatrix lo, DoubleMatrix th, int r) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RowKey other)) {
        return false;
      }
      return sameRow(hi, other.hi, r, other.r)
          && (lo == null || sameRow(lo, other.lo, r, other.r))
          && (th == null || sameRow(th, other.th, r, other.r));
    }

    private static boolean sameRow(DoubleMatrix a, DoubleMatrix b, int ra, int rb) {
      for (int c = 0; c < a.columns; c++) {
        if (Double.doubleToLongBits(a.get(ra, c)) != Double.doubleToLongBits(b.get(rb, c))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int c = 0; c < hi.columns; c++) {
        h = 31 * h + Double.hashCode(hi.get(r, c));
      }
      return h;
    }
  }
}
