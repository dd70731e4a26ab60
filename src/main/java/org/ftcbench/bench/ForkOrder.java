package org.ftcbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which an interleaved A/B bench run measures its forks: in rounds, one fork of every
 * point and side per round; within a round the points in a random order, and for each point the two
 * sides back to back in a random order. Every point's forks are thus spread over the whole run and
 * each of its A forks has a B fork next to it in time, so slow drift of the machine (another job,
 * heat, frequency) falls on both sides alike and shows up as fork-to-fork variance, which the
 * fork-level statistics carry, instead of as a difference between the sides (Google Benchmark's
 * random interleaving; Kalibera and Jones 2013). Seeded: the same seed gives the same order.
 */
public final class ForkOrder {
  private ForkOrder() {}

  /**
   * One fork to run.
   *
   * @param round 0-based round, also the fork's index on its side
   * @param point index into the plan's points
   * @param side 0 or 1
   */
  public record Slot(int round, int point, int side) {}

  /** The order of {@code forks} rounds over {@code points} points and two sides. */
  public static List<Slot> of(int points, int forks, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Slot> order = new ArrayList<>(2 * points * forks);
    int[] perm = new int[points];
    for (int round = 0; round < forks; round++) {
      for (int i = 0; i < points; i++) {
        perm[i] = i;
      }
      // Fisher–Yates
      for (int i = points - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int p : perm) {
        int first = rng.nextInt(2);
        order.add(new Slot(round, p, first));
        order.add(new Slot(round, p, 1 - first));
      }
    }
    return order;
  }
}
