package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * One independent unit of a sweep: all the cells of one task and depth, and the capacity.csv rows
 * they answer (one per criterion). Items run in parallel; the cells inside one item run in order.
 */
public sealed interface SweepItem {
  TaskKey task();

  List<Criterion> criteria();

  /** The same item answering {@code more} criteria too (duplicates by label dropped). */
  SweepItem withCriteria(List<Criterion> more);

  /**
   * A rough cost, Σ K · (adapter parameters) · steps over the cells it is expected to train (a step
   * costs about K · parameters multiply-adds, times a constant), used only to start expensive items
   * first and to estimate the time left.
   */
  double cost();

  /** Steps a cell is assumed to take, for {@link #cost} (half the default budget). */
  double ASSUMED_STEPS = 5_000;

  /** The work a trained cell did, in the units of {@link #cost}. */
  static double cellCost(CellKey cell, int steps) {
    return (double) cell.k() * cell.task().stepParameters(cell.m()) * steps;
  }

  /** Every grid width of one task (a column of the Fig. 9 heatmap). */
  record GridColumn(TaskKey task, List<Integer> ms, List<Criterion> criteria) implements SweepItem {
    @Override
    public SweepItem withCriteria(List<Criterion> more) {
      return new GridColumn(task, ms, union(criteria, more));
    }

    @Override
    public double cost() {
      double c = 0;
      for (int m : ms) {
        c += (double) task.k() * task.stepParameters(m);
      }
      return c * ASSUMED_STEPS;
    }
  }

  /** A bracket search on m for one task. */
  record Search(TaskKey task, SearchSettings settings, List<Criterion> criteria)
      implements SweepItem {
    @Override
    public SweepItem withCriteria(List<Criterion> more) {
      return new Search(task, settings, union(criteria, more));
    }

    /**
     * About 4 cells near the answer, which we guess as the width with about one parameter per
     * sample (roughly where trained adapters start to fit). Only a guess, for ordering and the ETA.
     */
    @Override
    public double cost() {
      int guess = settings.mStart();
      while (guess < settings.maxM() && task.parameters(guess) < task.k()) {
        guess++;
      }
      return 4.0 * task.k() * task.stepParameters(guess) * ASSUMED_STEPS;
    }
  }

  private static List<Criterion> union(List<Criterion> a, List<Criterion> b) {
    List<Criterion> out = new ArrayList<>(a);
    for (Criterion c : b) {
      if (out.stream().noneMatch(x -> x.label().equals(c.label()))) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }
}
