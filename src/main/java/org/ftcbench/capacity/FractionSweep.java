package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.data.BadInputException;

/**
 * The pre-training-quality experiment: at one fixed K, the fraction N/K of changed labels grows
 * from a few percent to 1 (N = round(fraction · K)), so f goes from fitting almost all of the data
 * to fitting none of it. At N = K fine-tuning is plain memorization of K samples, where the
 * memorization results say a 2-layer network needs about K neurons and a 3-layer one about √K (Sohn
 * et al. 2024, the remarks after Theorems 4.1 and 5.1); the sweep shows where trained widths leave
 * the Θ(N) and Θ(√N) laws between the two ends. Inputs are the paper's Gaussian data.
 *
 * @param name the profile key group (sweep.fraction)
 * @param depths adapter depths L (2, 3)
 * @param k the fixed sample count K
 * @param fractions the N/K values, each in (0, 1]
 * @param d the input dimension
 * @param seeds task and adapter seeds
 * @param criteria every criterion gets its own search (sharing cells)
 * @param search the bracket's settings
 */
public record FractionSweep(
    String name,
    List<Integer> depths,
    int k,
    List<Double> fractions,
    int d,
    List<Long> seeds,
    List<Criterion> criteria,
    SearchSettings search)
    implements TaskSweep {

  public FractionSweep {
    SweepChecks.searches(name, depths, seeds, criteria, search);
    // the constructions of the certified side need K ≥ 3
    if (k < 3) {
      throw new BadInputException(name + ".k = " + k + ": choose K ≥ 3");
    }
    SweepChecks.positive(name + ".d", d);
    SweepChecks.nonEmpty(name + ".fractions", fractions);
    for (double f : fractions) {
      if (!(f > 0 && f <= 1) || Math.round(f * k) < 1) {
        throw new BadInputException(
            name
                + ".fractions has "
                + f
                + ": choose fractions N/K in (0, 1] with N = round(fraction · K) ≥ 1 at K = "
                + k);
      }
    }
    depths = List.copyOf(depths);
    fractions = List.copyOf(fractions);
    seeds = List.copyOf(seeds);
    criteria = List.copyOf(criteria);
  }

  /** N = round(fraction · K) for each fraction, in the given order, without repeats. */
  public List<Integer> ns() {
    List<Integer> ns = new ArrayList<>();
    for (double f : fractions) {
      int n = (int) Math.round(f * k);
      if (!ns.contains(n)) {
        ns.add(n);
      }
    }
    return ns;
  }

  @Override
  public List<TaskKey> tasks() {
    List<TaskKey> tasks = new ArrayList<>();
    for (int depth : depths) {
      for (long seed : seeds) {
        for (int n : ns()) {
          tasks.add(new TaskKey(depth, n, k, d, seed));
        }
      }
    }
    return tasks;
  }
}
