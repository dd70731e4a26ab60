package org.ftcbench.nn;

import org.jblas.NativeBlas;
import org.jblas.util.Logger;

/**
 * jblas loads its native library when {@link NativeBlas} is first touched, logs a failure at INFO
 * level and carries on; the error only surfaces at the first BLAS call, deep inside some
 * computation. This check makes one tiny call up front so that a broken installation fails at
 * start-up with a clear message.
 */
public final class NativeBlasCheck {
  private NativeBlasCheck() {}

  /** Keeps jblas's "-- org.jblas INFO …" lines off stderr; its warnings and errors still show. */
  public static void silenceJblasInfo() {
    Logger.getLogger().setLevel(Logger.WARNING);
  }

  /**
   * Computes one 1×1×1 product through native BLAS.
   *
   * @return null when it works, otherwise what failed
   */
  public static String failure() {
    silenceJblasInfo();
    try {
      double[] c = {0};
      NativeBlas.dgemm(
          'N', 'N', 1, 1, 1, 1.0, new double[] {2}, 0, 1, new double[] {3}, 0, 1, 0, c, 0, 1);
      return c[0] == 6 ? null : "native dgemm computed 2·3 = " + c[0];
    } catch (LinkageError e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
