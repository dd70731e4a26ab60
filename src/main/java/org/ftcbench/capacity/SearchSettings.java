package org.ftcbench.capacity;

import org.ftcbench.data.BadInputException;

/**
 * The bracket search on the adapter width m ({@link WidthSearch}).
 *
 * @param mStart the first width tried (raised to the depth's minimum, one neuron per layer); the
 *     search then doubles m until a width passes
 * @param maxM the largest width tried; a task that no width up to it fits gets no m_min
 * @param resolution bisection stops when the bracket (lo, hi] is at most max(1, ⌊resolution · hi⌋)
 *     wide; 0 bisects down to a single neuron. Training noise moves m_min by more than a few
 *     percent, and each bisection step at large m costs a full training, so the profiles use 1/16
 */
public record SearchSettings(int mStart, int maxM, double resolution) {
  public SearchSettings {
    if (mStart < 1) {
      throw new BadInputException("m_start = " + mStart + ": choose m_start ≥ 1");
    }
    if (maxM < mStart) {
      throw new BadInputException(
          "the m grid is empty: max_m = " + maxM + " < m_start = " + mStart + ": raise max_m");
    }
    if (!(resolution >= 0 && resolution < 1)) {
      throw new BadInputException(
          "resolution = " + resolution + " is not in [0, 1): use 0 (exact) or e.g. 0.0625");
    }
  }

  /** The bracket width at which bisection stops. */
  int tolerance(int hi) {
    return Math.max(1, (int) Math.floor(resolution * hi));
  }
}
