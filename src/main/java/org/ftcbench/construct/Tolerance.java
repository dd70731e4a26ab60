package org.ftcbench.construct;

/**
 * When a construction counts as an exact interpolation (Eq. 2): max_i |(f + g)(x_i) − y'_i| ≤
 * {@link #RELATIVE} · max_i |z_i| + {@link #ROUNDING} · max_i |y'_i|. The one place where these
 * numbers live.
 */
public final class Tolerance {
  /**
   * 1e-8 relative to the largest residual target: far above double rounding (1e-16) for a
   * well-conditioned construction, far below any training loss criterion, so a pass means "exact".
   */
  public static final double RELATIVE = 1e-8;

  /**
   * Adding g to f rounds at the scale of f's values; 1e-14 of max |y'| covers it, so a task with z
   * = 0 everywhere (g = 0) still passes bit-for-bit-sensitive checks.
   */
  public static final double ROUNDING = 1e-14;

  private Tolerance() {}

  /** The allowed max |(f + g)(x_i) − y'_i| for targets with these largest magnitudes. */
  public static double of(double maxAbsZ, double maxAbsY) {
    return RELATIVE * maxAbsZ + ROUNDING * maxAbsY;
  }
}
