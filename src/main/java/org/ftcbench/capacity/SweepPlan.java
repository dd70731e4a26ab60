package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of a sweep: one {@link SweepItem} per task key (depth, N, K, d, seed). A task asked for
 * by two experiments (e.g. the Fig. 9 grid's N = 100, K = 1000 and the K-independence check's K =
 * 10N) is done once, by the first experiment in the order grids, then searches, answering the
 * criteria of both; capacity.csv has no experiment column, so it holds one row per task and
 * criterion. Items are ordered by decreasing estimated cost, so the long ones start first.
 */
public record SweepPlan(List<SweepItem> items) {
  public SweepPlan {
    items = List.copyOf(items);
  }

  public static SweepPlan of(List<GridSweep> grids, List<SearchSweep> searches) {
    return of(grids, searches, List.of(), List.of());
  }

  /**
   * The plan of grids, then searches, then the searches of experiments that list their tasks
   * ({@link TaskSweep}), then LoRA rank searches ({@link LoraSweep#items}).
   */
  public static SweepPlan of(
      List<GridSweep> grids,
      List<SearchSweep> searches,
      List<TaskSweep> taskSweeps,
      List<LoraSweep> loras) {
    Map<TaskKey, SweepItem> items = new LinkedHashMap<>();
    for (GridSweep g : grids) {
      for (long seed : g.seeds()) {
        for (int n : g.ns()) {
          TaskKey key = new TaskKey(g.depth(), n, g.k(), g.d(), seed);
          add(items, new SweepItem.GridColumn(key, g.ms(), g.criteria()));
        }
      }
    }
    for (SearchSweep s : searches) {
      for (int depth : s.depths()) {
        for (long seed : s.seeds()) {
          for (int n : s.ns()) {
            for (KRule rule : s.ks()) {
              TaskKey key = new TaskKey(depth, n, rule.k(n), s.d(), seed);
              add(items, new SweepItem.Search(key, s.search(), s.criteria()));
            }
          }
        }
      }
    }
    for (TaskSweep t : taskSweeps) {
      for (TaskKey key : t.tasks()) {
        add(items, new SweepItem.Search(key, t.search(), t.criteria()));
      }
    }
    for (LoraSweep lora : loras) {
      for (SweepItem item : lora.items()) {
        add(items, item);
      }
    }
    List<SweepItem> ordered = new ArrayList<>(items.values());
    // stable: equal costs keep the order above
    ordered.sort(Comparator.comparingDouble(SweepItem::cost).reversed());
    return new SweepPlan(ordered);
  }

  private static void add(Map<TaskKey, SweepItem> items, SweepItem item) {
    items.merge(item.task(), item, (old, added) -> old.withCriteria(added.criteria()));
  }

  /** The number of capacity.csv rows the plan produces. */
  public int capacityRows() {
    return items.stream().mapToInt(i -> i.criteria().size()).sum();
  }
}
