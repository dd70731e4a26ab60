package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.results.ResultFiles;

/**
 * Rank searches ({@link WidthSearch} on the LoRA rank r ≤ D) that answer the LoRA questions of
 * docs/lora.md on the paper's tasks, each a set of tasks with K = 2N-like rules:
 *
 * <ul>
 *   <li>scaling: every variant at f's depth L, every N of {@code ns} with every rule of {@code ks}
 *       (how r* and P* grow with N);
 *   <li>K-dependence: the first variant at depth L, every N of {@code kDependenceNs} with every
 *       rule of {@code kDependenceKs} (a low-rank change moves f's output on every sample, so r*
 *       may grow with K at fixed N, unlike the additive adapter's m*);
 *   <li>depth: the first variant at every depth of {@code depths}, every N of {@code depthNs} with
 *       the rules of {@code ks} (rank against depth).
 * </ul>
 *
 * Tasks asked for twice are trained once ({@link SweepPlan}).
 *
 * @param name the profile key group, for messages (sweep.lora)
 * @param width D, f's hidden width and the largest rank searched
 * @param depth L, f's number of affine layers in the scaling and K-dependence questions
 * @param variants the LoRA variants of the scaling question (the first also answers the others)
 */
public record LoraSweep(
    String name,
    int width,
    int depth,
    List<LoraSpec> variants,
    List<Integer> ns,
    List<KRule> ks,
    List<Integer> kDependenceNs,
    List<KRule> kDependenceKs,
    List<Integer> depths,
    List<Integer> depthNs,
    int d,
    List<Long> seeds,
    List<Criterion> criteria,
    SearchSettings search) {

  public LoraSweep {
    SweepChecks.positive(name + ".width", width);
    hasHiddenLayer(name + ".depth", depth);
    SweepChecks.nonEmpty(name + ".variants", variants);
    SweepChecks.nonEmpty(name + ".n", ns);
    SweepChecks.nonEmpty(name + ".k", ks);
    SweepChecks.nonEmpty(name + ".depths", depths);
    for (int l : depths) {
      hasHiddenLayer(name + ".depths", l);
    }
    SweepChecks.positive(name + ".d", d);
    SweepChecks.nonEmpty(name + ".seeds", seeds);
    SweepChecks.nonEmpty(name + ".criteria", criteria);
    SweepChecks.tasks(name, ns, ks);
    SweepChecks.tasks(name + ".k_dependence", kDependenceNs, kDependenceKs);
    SweepChecks.tasks(name + ".depths_n", depthNs, ks);
    variants = List.copyOf(variants);
    ns = List.copyOf(ns);
    ks = List.copyOf(ks);
    kDependenceNs = List.copyOf(kDependenceNs);
    kDependenceKs = List.copyOf(kDependenceKs);
    depths = List.copyOf(depths);
    depthNs = List.copyOf(depthNs);
    seeds = List.copyOf(seeds);
    criteria = List.copyOf(criteria);
  }

  private static void hasHiddenLayer(String key, int depth) {
    if (depth < 2) {
      throw new BadInputException(
          key + " has L = " + depth + ": LoRA needs f with a hidden layer, choose L ≥ 2");
    }
  }

  /** One rank search per task of the three questions, in that order (duplicates included). */
  public List<SweepItem> items() {
    List<SweepItem> items = new ArrayList<>();
    LoraSpec first = variants.get(0);
    for (long seed : seeds) {
      for (LoraSpec v : variants) {
        add(items, v, depth, ns, ks, seed);
      }
      add(items, first, depth, kDependenceNs, kDependenceKs, seed);
      for (int l : depths) {
        add(items, first, l, depthNs, ks, seed);
      }
    }
    return items;
  }

  private void add(
      List<SweepItem> items,
      LoraSpec spec,
      int l,
      List<Integer> taskNs,
      List<KRule> rules,
      long seed) {
    for (int n : taskNs) {
      for (KRule rule : rules) {
        TaskKey key = new TaskKey(l, n, rule.k(n), d, seed, ResultFiles.GAUSSIAN, spec.spec());
        items.add(new SweepItem.Search(key, search, criteria));
      }
    }
  }
}
