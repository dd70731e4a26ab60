package org.ftcbench.capacity;

import java.util.List;
import org.ftcbench.data.BadInputException;

/** Checks of sweep settings, each failing with one line that names the profile key (exit 2). */
final class SweepChecks {
  private SweepChecks() {}

  static void depth(String key, int depth) {
    if (depth != 2 && depth != 3) {
      throw new BadInputException(key + " has depth " + depth + ": adapters have depth 2 or 3");
    }
  }

  static void positive(String key, int v) {
    if (v < 1) {
      throw new BadInputException(key + " = " + v + ": choose a value ≥ 1");
    }
  }

  static void nonEmpty(String key, List<?> values) {
    if (values.isEmpty()) {
      throw new BadInputException(key + " is empty: give at least one value");
    }
  }

  /** 0 ≤ N ≤ K for every N with every K rule. */
  static void tasks(String name, List<Integer> ns, List<KRule> rules) {
    for (int n : ns) {
      for (KRule rule : rules) {
        task(name, n, rule.k(n));
      }
    }
  }

  /** 0 ≤ N ≤ K. */
  static void task(String name, int n, int k) {
    if (n < 0) {
      throw new BadInputException(name + " has N = " + n + ": choose N ≥ 0");
    }
    if (k < 1) {
      throw new BadInputException(name + " has K = " + k + ": choose K ≥ 1");
    }
    if (n > k) {
      throw new BadInputException(
          name + " has N = " + n + " larger than K = " + k + ": choose N ≤ K (or a larger K)");
    }
  }

  /**
   * The checks every width-search sweep shares: its depths are 2 or 3 and fit under max_m, and its
   * seeds and criteria are not empty.
   */
  static void searches(
      String name,
      List<Integer> depths,
      List<Long> seeds,
      List<Criterion> criteria,
      SearchSettings search) {
    nonEmpty(name + ".depths", depths);
    for (int depth : depths) {
      depth(name + ".depths", depth);
      if (search.maxM() < AdapterShape.minimumNeurons(depth)) {
        throw new BadInputException(
            "the m grid of "
                + name
                + " is empty for depth "
                + depth
                + ": max_m = "
                + search.maxM()
                + ", raise it to at least "
                + AdapterShape.minimumNeurons(depth));
      }
    }
    nonEmpty(name + ".seeds", seeds);
    nonEmpty(name + ".criteria", criteria);
  }
}
