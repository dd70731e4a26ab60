package org.ftcbench.data;

/** Checks of a task's sizes, with messages that say how to fix them (exit code 2). */
public final class Validate {
  private Validate() {}

  /** K ≥ 1, 0 ≤ N ≤ K, d ≥ 1. */
  public static void sizes(int k, int n, int d) {
    if (k < 1) {
      throw new BadInputException("K = " + k + " is not a sample count: choose K ≥ 1");
    }
    if (n < 0) {
      throw new BadInputException("N = " + n + " is negative: choose 0 ≤ N ≤ K");
    }
    if (n > k) {
      throw new BadInputException("N = " + n + " is larger than K = " + k + ": choose N ≤ K");
    }
    if (d < 1) {
      throw new BadInputException("d = " + d + " is not an input dimension: choose d ≥ 1");
    }
  }
}
