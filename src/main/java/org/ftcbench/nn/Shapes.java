package org.ftcbench.nn;

import org.jblas.DoubleMatrix;

/**
 * Shape checks that jblas does not do itself: it compares lengths only, so a 3×3 plus a 1×9 passes
 * and {@code mmuli} silently reallocates a wrongly shaped result. A failed check is a bug in the
 * caller, never a user's mistake, and the message names both shapes.
 */
public final class Shapes {
  private Shapes() {}

  /** Throws unless {@code m} is {@code rows × cols}. */
  public static void require(DoubleMatrix m, int rows, int cols, String name) {
    if (m.rows != rows || m.columns != cols) {
      throw new IllegalArgumentException(
          name + " has shape " + m.rows + "×" + m.columns + ", expected " + rows + "×" + cols);
    }
  }

  /** Throws unless {@code a} and {@code b} have the same shape. */
  public static void requireSame(DoubleMatrix a, DoubleMatrix b, String nameA, String nameB) {
    if (a.rows != b.rows || a.columns != b.columns) {
      throw new IllegalArgumentException(
          nameA + " is " + a.rows + "×" + a.columns + " but " + nameB + " is " + b.rows + "×"
              + b.columns);
    }
  }
}
