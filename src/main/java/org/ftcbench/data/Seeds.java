package org.ftcbench.data;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams from one user seed: each purpose (inputs, labels, the
 * pre-trained network, the changed set) gets its own stream, so changing how one is drawn does not
 * shift the others.
 */
public final class Seeds {
  /** Stream identifiers. */
  public static final int INPUTS = 1;

  public static final int LABELS = 2;
  public static final int PRETRAIN = 3;
  public static final int CHANGES = 4;
  public static final int ADAPTER_INIT = 5;
  public static final int PROJECTION = 6;

  private Seeds() {}

  /**
   * A generator for {@code purpose} under {@code seed}; the same pair always gives the same bits.
   */
  public static Random stream(long seed, int purpose) {
    // SplittableRandom's mixing turns nearby (seed, purpose) pairs into unrelated seeds.
    long mixed = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose).nextLong();
    return new Random(mixed);
  }
}
