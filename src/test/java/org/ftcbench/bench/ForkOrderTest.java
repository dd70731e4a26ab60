package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkOrderTest {
  @Test
  void theOrderIsSeededAndReproducible() {
    assertThat(ForkOrder.of(7, 3, 42)).isEqualTo(ForkOrder.of(7, 3, 42));
    assertThat(ForkOrder.of(7, 3, 42)).isNotEqualTo(ForkOrder.of(7, 3, 43));
  }

  @Test
  void everyRoundHasEveryPointOnBothSidesBackToBack() {
    int points = 9;
    int forks = 4;
    List<ForkOrder.Slot> order = ForkOrder.of(points, forks, 7);
    assertThat(order).hasSize(2 * points * forks);
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < order.size(); k += 2) {
      ForkOrder.Slot first = order.get(k);
      ForkOrder.Slot second = order.get(k + 1);
      // the two sides of a point are neighbours in time, in the same round
      assertThat(second.point()).isEqualTo(first.point());
      assertThat(second.round()).isEqualTo(first.round());
      assertThat(first.side() + second.side()).isEqualTo(1);
      assertThat(first.round()).isEqualTo(k / (2 * points)); // rounds one after another
      seen.merge(first.point() + "/" + first.round(), 1, Integer::sum);
    }
    assertThat(seen).hasSize(points * forks).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void orderIsRandomised() {
    // over many rounds each side goes first about half the time, and rounds differ in point order
    List<ForkOrder.Slot> order = ForkOrder.of(10, 50, 1);
    long aFirst = 0;
    for (int k = 0; k < order.size(); k += 2) {
      aFirst += order.get(k).side() == 0 ? 1 : 0;
    }
    assertThat(aFirst).isBetween(200L, 300L); // of 500: binomial sd 11
    List<Integer> round0 = order.subList(0, 20).stream().map(ForkOrder.Slot::point).toList();
    List<Integer> round1 = order.subList(20, 40).stream().map(ForkOrder.Slot::point).toList();
    assertThat(round0).isNotEqualTo(round1);
  }
}
