package org.ftcbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ftcbench.capacity.Criterion;
import org.ftcbench.capacity.SearchSettings;
import org.ftcbench.capacity.SweepItem;
import org.ftcbench.capacity.SweepPlan;
import org.ftcbench.capacity.TaskKey;
import org.ftcbench.construct.CertifySweep;
import org.junit.jupiter.api.Test;

class UnitTest {
  static final List<Criterion> PAPER = List.of(Criterion.parse("paper"));

  @Test
  void unitsAreNamedByTheirTaskAndOrderedHeaviestFirst() {
    SweepItem small =
        new SweepItem.GridColumn(new TaskKey(3, 10, 100, 10, 1), List.of(6, 12), PAPER);
    SweepItem big =
        new SweepItem.Search(
            new TaskKey(2, 1000, 2000, 10, 1), new SearchSettings(2, 4096, 0.125), PAPER);
    List<CertifySweep.Point> points =
        List.of(new CertifySweep.Point(10, 100, 10, 1), new CertifySweep.Point(1000, 10000, 10, 1));
    List<Unit> units = Unit.of(new SweepPlan(List.of(small, big)), points, 1_000_000);

    assertThat(units)
        .extracting(Unit::id)
        .containsExactly(
            "train-L2-N1000-K2000-d10-s1",
            "certify-N1000-K10000-d10-s1",
            "train-L3-N10-K100-d10-s1",
            "certify-N10-K100-d10-s1");
    for (int i = 1; i < units.size(); i++) {
      assertThat(units.get(i).cost()).isLessThanOrEqualTo(units.get(i - 1).cost());
    }
    assertThat(((Unit.Certified) units.get(1)).cap()).isEqualTo(1_000_000);
  }
}
