package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.data.DataFamily;
import org.ftcbench.results.ResultFiles;

/**
 * The data-shape experiment: the same tasks on inputs that differ only in shape (data.DataFamily:
 * Gaussian, a line, a curve, clusters of shrinking spread, heavy tails) and in the input dimension
 * d. The constructions project the inputs on one direction and their weights grow like 1/(smallest
 * projected gap), so tight clusters are their worst case and points on a line the lower bound's
 * (Sohn et al. 2024, Lemma 4.5 and Section 6); trained widths show whether training cares.
 *
 * @param name the profile key group (sweep.structure)
 * @param depths adapter depths L (2, 3)
 * @param families the data families, as canonical specs ({@link DataFamily#spec()})
 * @param ds the input dimensions
 * @param ns the N values
 * @param k how K follows N
 * @param seeds task and adapter seeds
 * @param criteria every criterion gets its own search (sharing cells)
 * @param search the bracket's settings
 */
public record StructureSweep(
    String name,
    List<Integer> depths,
    List<String> families,
    List<Integer> ds,
    List<Integer> ns,
    KRule k,
    List<Long> seeds,
    List<Criterion> criteria,
    SearchSettings search)
    implements TaskSweep {

  public StructureSweep {
    SweepChecks.searches(name, depths, seeds, criteria, search);
    SweepChecks.nonEmpty(name + ".families", families);
    families = families.stream().map(f -> DataFamily.parse(f).spec()).distinct().toList();
    SweepChecks.nonEmpty(name + ".d", ds);
    for (int d : ds) {
      SweepChecks.positive(name + ".d", d);
    }
    SweepChecks.nonEmpty(name + ".n", ns);
    for (int n : ns) {
      SweepChecks.task(name, n, k.k(n));
    }
    depths = List.copyOf(depths);
    ds = List.copyOf(ds);
    ns = List.copyOf(ns);
    seeds = List.copyOf(seeds);
    criteria = List.copyOf(criteria);
  }

  @Override
  public List<TaskKey> tasks() {
    List<TaskKey> tasks = new ArrayList<>();
    for (String family : families) {
      for (int d : ds) {
        for (int depth : depths) {
          for (long seed : seeds) {
            for (int n : ns) {
              tasks.add(new TaskKey(depth, n, k.k(n), d, seed, family, ResultFiles.ADDITIVE));
            }
          }
        }
      }
    }
    return tasks;
  }
}
