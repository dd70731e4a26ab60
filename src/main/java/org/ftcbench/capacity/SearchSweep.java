package org.ftcbench.capacity;

import java.util.List;

/**
 * Width searches ({@link WidthSearch}) over depths × N × K rules × seeds: the scaling sweep (N
 * log-spaced, K = 2N) and the K-independence check (fixed N, K ∈ {2N, 10N, 100N}). The paper's
 * Remark 5 says m* = Θ(√N) for 3-layer adapters with no dependence on K; these sweeps show what
 * training finds.
 *
 * @param name the profile key group, for messages (e.g. sweep.scaling)
 * @param depths adapter depths L (2, 3)
 * @param ns the N values
 * @param ks how K follows N; every rule with every N
 * @param d the input dimension
 * @param seeds task and adapter seeds
 * @param criteria every criterion gets its own search (sharing cells)
 * @param search the bracket's settings
 */
public record SearchSweep(
    String name,
    List<Integer> depths,
    List<Integer> ns,
    List<KRule> ks,
    int d,
    List<Long> seeds,
    List<Criterion> criteria,
    SearchSettings search) {

  public SearchSweep {
    SweepChecks.searches(name, depths, seeds, criteria, search);
    SweepChecks.nonEmpty(name + ".n", ns);
    SweepChecks.nonEmpty(name + ".k", ks);
    SweepChecks.positive(name + ".d", d);
    SweepChecks.tasks(name, ns, ks);
    depths = List.copyOf(depths);
    ns = List.copyOf(ns);
    ks = List.copyOf(ks);
    seeds = List.copyOf(seeds);
    criteria = List.copyOf(criteria);
  }
}
