package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ftcbench.nn.Precision;
import org.junit.jupiter.api.Test;

/** The bracket search against a synthetic "training" whose answer is known. */
class WidthSearchTest {
  static final Criterion PAPER = new Criterion.Paper();
  static final double L0 = 0.3;

  /** A fake training: widths ≥ mStar reach loss 0, smaller ones stay at L0. */
  static IntFunction<CellResult> threshold(TaskKey task, int mStar, List<Integer> visited) {
    return m -> {
      visited.add(m);
      return new CellResult(task.cell(m), m >= mStar ? 0.0 : L0, L0, 10, 1, null);
    };
  }

  @Property(tries = 300)
  void exactBisectionFindsTheThreshold(
      @ForAll @IntRange(min = 2, max = 3) int depth,
      @ForAll @IntRange(min = 1, max = 700) int mStar,
      @ForAll @IntRange(min = 1, max = 40) int mStart) {
    TaskKey task = new TaskKey(depth, 50, 100, 10, 1);
    int expected = Math.max(mStar, AdapterShape.minimumNeurons(depth));
    List<Integer> visited = new ArrayList<>();
    CapacityRow row =
        WidthSearch.search(
            task, L0, PAPER, new SearchSettings(mStart, 1024, 0), threshold(task, mStar, visited));
    assertThat(row.mMin()).isEqualTo(expected);
    assertThat(visited).allMatch(m -> m >= AdapterShape.minimumNeurons(depth) && m <= 1024);
    assertThat(visited).doesNotHaveDuplicates();
  }

  @Property(tries = 200)
  void coarseBisectionStopsWithinItsResolution(@ForAll @IntRange(min = 2, max = 1000) int mStar) {
    TaskKey task = new TaskKey(2, 50, 100, 10, 1);
    List<Integer> visited = new ArrayList<>();
    CapacityRow row =
        WidthSearch.search(
            task, L0, PAPER, new SearchSettings(2, 1024, 0.0625), threshold(task, mStar, visited));
    assertThat(row.mMin()).isGreaterThanOrEqualTo(mStar);
    assertThat(row.mMin() - mStar).isLessThanOrEqualTo(Math.max(1, row.mMin() / 16));
  }

  @Test
  void nothingUpToMaxMGivesNoAnswerAndTheLargestWidthTried() {
    TaskKey task = new TaskKey(3, 50, 100, 10, 1);
    List<Integer> visited = new ArrayList<>();
    CapacityRow row =
        WidthSearch.search(
            task, L0, PAPER, new SearchSettings(4, 100, 0), threshold(task, 500, visited));
    assertThat(row.mMin()).isNull();
    assertThat(visited).containsExactly(4, 8, 16, 32, 64, 100);
    assertThat(row.lossAtMMin()).isEqualTo(L0);
    assertThat(row.row(Precision.FLOAT32).get(6)).isNull(); // an empty m_min field in capacity.csv
    assertThat(row.row(Precision.FLOAT32).get(11)).isEqualTo("float32");
  }

  @Test
  void aTaskThatPassesWithGZeroNeedsNoTraining() {
    TaskKey task = new TaskKey(3, 0, 100, 10, 1);
    IntFunction<CellResult> never =
        m -> {
          throw new AssertionError("trained m = " + m);
        };
    for (Criterion c : List.of(PAPER, Criterion.parse("relative:0.01"))) {
      CapacityRow row = WidthSearch.search(task, 0.0, c, new SearchSettings(2, 64, 0), never);
      assertThat(row.mMin()).isZero();
      assertThat(row.steps()).isZero();
      assertThat(WidthSearch.onGrid(task, 0.0, c, List.of()).mMin()).isZero();
    }
    // the paper's absolute threshold: small N at large K passes with g = 0
    assertThat(WidthSearch.search(task, 0.03, PAPER, new SearchSettings(2, 64, 0), never).mMin())
        .isZero();
  }

  @Test
  void theGridAnswerIsTheSmallestPassingWidthEvenIfALargerOneFails() {
    TaskKey task = new TaskKey(3, 50, 1000, 10, 1);
    List<CellResult> cells =
        List.of(
            new CellResult(task.cell(6), 0.2, L0, 10, 1, null),
            new CellResult(task.cell(12), 0.03, L0, 10, 1, null),
            new CellResult(task.cell(18), 0.05, L0, 10, 1, null),
            new CellResult(task.cell(24), Double.NaN, L0, 10, 1, "diverged"));
    assertThat(WidthSearch.onGrid(task, L0, PAPER, cells).mMin()).isEqualTo(12);
    assertThat(WidthSearch.onGrid(task, L0, Criterion.parse("relative:0.01"), cells).mMin())
        .isNull();
  }

  @Test
  void sharedCellsGiveTheSmallestWidthThatPassedWhicheverSearchTrainedIt() {
    TaskKey task = new TaskKey(3, 50, 100, 10, 1);
    Criterion tight = Criterion.parse("relative:0.01");
    // not monotone: 19 fits both criteria, 17 and 18 neither, 20 … 32 only the paper's, 64 both
    IntFunction<CellResult> train =
        m -> {
          double loss = m == 19 || m >= 64 ? 0.001 : m >= 20 && m <= 32 ? 0.03 : 0.2;
          return new CellResult(task.cell(m), loss, L0, 10, 1, null);
        };
    SearchSettings settings = new SearchSettings(2, 128, 0);
    List<CellResult> trained = new ArrayList<>();
    CapacityRow own =
        WidthSearch.search(task, L0, tight, settings, m -> added(trained, train.apply(m)));
    assertThat(own.mMin()).isGreaterThan(32);
    trained.add(train.apply(19)); // as if the paper criterion's bisection had visited it
    assertThat(WidthSearch.smallestPassing(own, L0, tight, trained).mMin()).isEqualTo(19);
    // and it does: the paper's bisection between 16 and 32 visits 24, 20, 18 and 19
    assertThat(WidthSearch.searchAll(task, L0, List.of(PAPER, tight), settings, train))
        .extracting(CapacityRow::mMin)
        .containsExactly(19, 19);
    // nothing passes: the search's own row stands
    CapacityRow none = WidthSearch.search(task, L0, tight, new SearchSettings(2, 16, 0), train);
    assertThat(WidthSearch.smallestPassing(none, L0, tight, List.of()).mMin()).isNull();
  }

  private static CellResult added(List<CellResult> list, CellResult cell) {
    list.add(cell);
    return cell;
  }
}
