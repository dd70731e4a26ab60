package org.ftcbench.capacity;

import java.util.List;
import org.ftcbench.data.BadInputException;

/**
 * A full (N, m) grid of trained cells at fixed K, the paper's Fig. 9 (Sohn et al. 2024, Section 7):
 * every cell is trained (the heatmap), and the minimum width per N is the smallest grid width that
 * passes (the orange line).
 *
 * @param name the profile key group, for messages (e.g. sweep.fig9)
 * @param depth the adapter depth L (the paper: 3)
 * @param k K (the paper: 1000)
 * @param d the input dimension (the paper: 10)
 * @param ns the N values (the paper: 10, 20, …, 490)
 * @param ms the widths, ascending (the paper: 6, 12, …, 48)
 * @param seeds one grid per seed
 * @param criteria every criterion gets its own minimum-width row
 */
public record GridSweep(
    String name,
    int depth,
    int k,
    int d,
    List<Integer> ns,
    List<Integer> ms,
    List<Long> seeds,
    List<Criterion> criteria) {

  public GridSweep {
    SweepChecks.depth(name + ".depth", depth);
    SweepChecks.positive(name + ".k", k);
    SweepChecks.positive(name + ".d", d);
    SweepChecks.nonEmpty(name + ".n", ns);
    SweepChecks.nonEmpty(name + ".seeds", seeds);
    SweepChecks.nonEmpty(name + ".criteria", criteria);
    if (ms.isEmpty()) {
      throw new BadInputException("the m grid " + name + ".m is empty: give widths such as 6:48:6");
    }
    ms = ms.stream().distinct().sorted().toList();
    if (ms.get(0) < AdapterShape.minimumNeurons(depth)) {
      throw new BadInputException(
          name
              + ".m contains m = "
              + ms.get(0)
              + ", too small for a depth-"
              + depth
              + " adapter: choose m ≥ "
              + AdapterShape.minimumNeurons(depth));
    }
    for (int n : ns) {
      SweepChecks.task(name, n, k);
    }
    ns = List.copyOf(ns);
    seeds = List.copyOf(seeds);
    criteria = List.copyOf(criteria);
  }
}
