package org.ftcbench.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The smallest adapter width m that training fits, for one task and criterion: the trained
 * counterpart of m*_FTC(N, K) (Sohn et al. 2024, Def. 3.3).
 *
 * <p>Bracket search: if g = 0 already passes, m = 0 without training. Otherwise grow m
 * geometrically from m_start (doubling, the last step capped at max_m) until a width passes, then
 * bisect on the integer grid between the last failing and the first passing width. Training is
 * noisy and the loss is not always monotone in m, so the answer is a width that passes while the
 * bracket's lower end fails, not a proof that every larger width passes; every cell it trained is
 * in cells.csv. The searches of several criteria on one task share their cells ({@link
 * #smallestPassing}).
 */
public final class WidthSearch {
  private WidthSearch() {}

  /**
   * @param cellAt trains (or reuses) the cell of width m
   */
  public static CapacityRow search(
      TaskKey task,
      double initialLoss,
      Criterion criterion,
      SearchSettings settings,
      IntFunction<CellResult> cellAt) {
    if (criterion.passes(initialLoss, initialLoss)) {
      return CapacityRow.withoutTraining(task, criterion, initialLoss);
    }
    int smallest = task.smallestWidth();
    int lo = smallest - 1; // widths ≤ lo fail (or do not exist)
    CellResult pass = null;
    CellResult last = null;
    for (int m = Math.max(settings.mStart(), smallest); ; m = Math.min(2 * m, settings.maxM())) {
      last = cellAt.apply(m);
      if (last.passes(criterion, initialLoss)) {
        pass = last;
        break;
      }
      lo = m;
      if (m >= settings.maxM()) {
        return CapacityRow.fromCell(criterion, last, false, initialLoss);
      }
    }
    while (pass.key().m() - lo > settings.tolerance(pass.key().m())) {
      int mid = lo + (pass.key().m() - lo) / 2;
      CellResult r = cellAt.apply(mid);
      if (r.passes(criterion, initialLoss)) {
        pass = r;
      } else {
        lo = mid;
      }
    }
    return CapacityRow.fromCell(criterion, pass, true, initialLoss);
  }

  /**
   * The searches of several criteria on one task, sharing their cells: each criterion's {@link
   * #search}, then for each its {@link #smallestPassing} among every cell the searches trained.
   *
   * @return one row per criterion, in their order
   */
  public static List<CapacityRow> searchAll(
      TaskKey task,
      double initialLoss,
      List<Criterion> criteria,
      SearchSettings settings,
      IntFunction<CellResult> cellAt) {
    List<CellResult> trained = new ArrayList<>();
    IntFunction<CellResult> recording =
        m -> {
          CellResult r = cellAt.apply(m);
          trained.add(r);
          return r;
        };
    List<CapacityRow> own = new ArrayList<>();
    for (Criterion c : criteria) {
      own.add(search(task, initialLoss, c, settings, recording));
    }
    List<CapacityRow> out = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      out.add(smallestPassing(own.get(i), initialLoss, criteria.get(i), trained));
    }
    return out;
  }

  /**
   * The answer for one criterion when several searches of the same task shared their cells: the
   * smallest width among all of the task's trained cells that passes, or the search's own row if
   * none does. A cell trained by another criterion's search can pass this one at a width its own
   * bisection never visited (the loss is not monotone in m); with this rule a tighter criterion
   * never reports a larger width than one that already passed it.
   *
   * @param own the row of this criterion's {@link #search}
   * @param trained every cell trained for the task, any order
   */
  public static CapacityRow smallestPassing(
      CapacityRow own, double initialLoss, Criterion criterion, List<CellResult> trained) {
    CellResult best = null;
    for (CellResult c : trained) {
      if (c.passes(criterion, initialLoss) && (best == null || c.key().m() < best.key().m())) {
        best = c;
      }
    }
    if (best == null || (own.mMin() != null && own.mMin() <= best.key().m())) {
      return own;
    }
    return CapacityRow.fromCell(criterion, best, true, initialLoss);
  }

  /**
   * The grid answer (the paper's Fig. 9): the smallest width of the grid whose cell passes, whether
   * or not larger widths pass too. {@code cells} are the grid's cells in ascending m.
   */
  public static CapacityRow onGrid(
      TaskKey task, double initialLoss, Criterion criterion, List<CellResult> cells) {
    if (criterion.passes(initialLoss, initialLoss)) {
      return CapacityRow.withoutTraining(task, criterion, initialLoss);
    }
    for (CellResult c : cells) {
      if (c.passes(criterion, initialLoss)) {
        return CapacityRow.fromCell(criterion, c, true, initialLoss);
      }
    }
    return CapacityRow.fromCell(criterion, cells.get(cells.size() - 1), false, initialLoss);
  }
}
