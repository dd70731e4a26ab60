package org.ftcbench.data;

import org.jblas.DoubleMatrix;

/**
 * K samples: inputs x (K × d, one sample per row) and scalar labels y (K × 1).
 *
 * @param x inputs, K × d
 * @param y labels, K × 1
 */
public record Dataset(DoubleMatrix x, DoubleMatrix y) {
  public Dataset {
    if (y.rows != x.rows || y.columns != 1) {
      throw new IllegalArgumentException(
          "x is " + x.rows + "×" + x.columns + " but y is " + y.rows + "×" + y.columns);
    }
  }

  /** K, the number of samples. */
  public int size() {
    return x.rows;
  }

  /** d, the input dimension. */
  public int dim() {
    return x.columns;
  }
}
