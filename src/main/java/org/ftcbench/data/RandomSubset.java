package org.ftcbench.data;

import java.util.Arrays;
import java.util.Random;

/** N of the indices 0 … K−1 drawn uniformly without replacement. */
public final class RandomSubset {
  private RandomSubset() {}

  /**
   * A partial Fisher–Yates shuffle: the first n places of a shuffled 0 … k−1, in the order drawn (n
   * draws from {@code rng}, one {@code nextInt(k − i)} each, so a seeded stream gives the same
   * subset on every machine).
   */
  public static int[] draw(Random rng, int k, int n) {
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt(k - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return Arrays.copyOf(order, n);
  }
}
