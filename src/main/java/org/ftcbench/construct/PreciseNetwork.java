package org.ftcbench.construct;

import java.util.HashMap;
import java.util.Map;
import org.ftcbench.nn.DenseNetwork;
import org.jblas.DoubleMatrix;

/**
 * An adapter whose parameters are double-double numbers: parameter = network + low, entry by entry.
 * {@code network} is the plain float64 ReLU network everyone runs; {@code low} (same shapes, or
 * null when every parameter is a double) holds what rounding to double dropped. The 3-layer
 * constructions need it: their λ-scaled layer-2 weights (10⁶–10¹⁰ at K = 10⁴–10⁵) place the
 * assigned points' pre-activations only to ulp(weight) ≈ 1e−7 as doubles. The certificate is the
 * double-double network, checked exactly ({@link ExactForward}) and exported as exact decimals.
 *
 * @param network the parameters rounded to double
 * @param low the low parts, or null if they are all 0
 */
public record PreciseNetwork(DenseNetwork network, DenseNetwork low) {

  /** A network whose parameters are doubles. */
  public static PreciseNetwork of(DenseNetwork network) {
    return new PreciseNetwork(network, null);
  }

  /** The low part of parameter (row, col) of layer l's weights, 0 without low parts. */
  public double lowWeight(int l, int row, int col) {
    return low == null ? 0 : low.weight(l).get(row, col);
  }

  /** The low part of layer l's bias entry row. */
  public double lowBias(int l, int row) {
    return low == null ? 0 : low.bias(l).get(row);
  }

  /**
   * The distinct weight rows of layer l: rows are equal when every entry and its low part are equal
   * bit for bit. The constructions' expanded activations share rows ({@link SharedRowForward},
   * {@link ExactForward}).
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
    Map<RowKey, Integer> seen = new HashMap<>();
    int[] rowOf = new int[hi.rows];
    int[] representative = new int[hi.rows];
    for (int r = 0; r < hi.rows; r++) {
      rowOf[r] = seen.computeIfAbsent(new RowKey(hi, lo, r), unused -> seen.size());
      representative[rowOf[r]] = r; // any unit of the row will do: the rows are equal
    }
    return new DistinctRows(rowOf, java.util.Arrays.copyOf(representative, seen.size()));
  }

  /** Row r of a weight matrix and its low parts, compared bit for bit. */
  private record RowKey(DoubleMatrix hi, DoubleMatrix lo, int r) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RowKey other)) {
        return false;
      }
      for (int c = 0; c < hi.columns; c++) {
        if (Double.doubleToLongBits(hi.get(r, c))
                != Double.doubleToLongBits(other.hi.get(other.r, c))
            || (lo != null
                && Double.doubleToLongBits(lo.get(r, c))
                    != Double.doubleToLongBits(other.lo.get(other.r, c)))) {
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
