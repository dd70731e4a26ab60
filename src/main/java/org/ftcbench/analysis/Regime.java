package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How K relates to N along one sweep, so that a scaling fit never mixes sweeps: the Fig. 9 grid (K
 * = 1000 fixed), the scaling sweep (K = 2N) and the K-independence check (N fixed, K varied) can
 * share a file. A regime is either a fixed K or a fixed ratio K/N; it counts as a sweep when it
 * holds at least 3 distinct N. Rows in no such regime are fitted together as "mixed K" only if
 * there is no sweep at all.
 *
 * @param label "K = 1000", "K = 2N" or "mixed K"
 * @param fixedK the K of a fixed-K regime, else 0
 * @param ratio K/N of a fixed-ratio regime, else 0
 */
public record Regime(String label, int fixedK, double ratio) {
  /** Distinct N a regime needs to count as a sweep. */
  public static final int MIN_POINTS = 3;

  /** The regime holding every row, used when no sweep is found. */
  public static final Regime MIXED = new Regime("mixed K", 0, 0);

  public boolean contains(int n, int k) {
    if (fixedK > 0) {
      return k == fixedK;
    }
    if (ratio > 0) {
      return n > 0 && roundRatio((double) k / n) == ratio;
    }
    return true;
  }

  /** The sweeps among (N, K) pairs; {@link #MIXED} alone if none holds {@value #MIN_POINTS} N. */
  public static List<Regime> find(List<int[]> nk) {
    Map<Integer, Set<Integer>> byK = new TreeMap<>();
    Map<Double, Set<Integer>> byRatio = new TreeMap<>();
    for (int[] p : nk) {
      byK.computeIfAbsent(p[1], x -> new TreeSet<>()).add(p[0]);
      if (p[0] > 0) {
        byRatio.computeIfAbsent(roundRatio((double) p[1] / p[0]), x -> new TreeSet<>()).add(p[0]);
      }
    }
    List<Regime> out = new ArrayList<>();
    byRatio.forEach(
        (r, ns) -> {
          if (ns.size() >= MIN_POINTS) {
            out.add(new Regime("K = " + ratioText(r) + "N", 0, r));
          }
        });
    byK.forEach(
        (k, ns) -> {
          if (ns.size() >= MIN_POINTS) {
            out.add(new Regime("K = " + k, k, 0));
          }
        });
    if (out.isEmpty() && !nk.isEmpty()) {
      out.add(MIXED);
    }
    return out;
  }

  /** K/N to 4 significant digits, so that 2000/1000 and 20/10 are the same ratio. */
  static double roundRatio(double r) {
    if (!(r > 0)) {
      return 0;
    }
    double scale = Math.pow(10, 3 - Math.floor(Math.log10(r)));
    return Math.round(r * scale) / scale;
  }

  private static String ratioText(double r) {
    return r == Math.rint(r)
        ? String.valueOf((long) r)
        : String.format(Locale.ROOT, "%.3g", r).replaceAll("0+$", "");
  }
}
