package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeptSetTest {

  private static boolean[] changed(int k, int... oneBased) {
    boolean[] c = new boolean[k];
    for (int t : oneBased) {
      c[t - 1] = true;
    }
    return c;
  }

  @Test
  void example1OfTheConsecutivePartition() {
    List<ConsecutivePartition.Run> p =
        ConsecutivePartition.of(new int[] {1, 2, 3, 5, 6, 8, 10, 11, 12, 13});
    assertThat(p)
        .containsExactly(
            new ConsecutivePartition.Run(1, 3),
            new ConsecutivePartition.Run(5, 6),
            new ConsecutivePartition.Run(8, 8),
            new ConsecutivePartition.Run(10, 13));
  }

  @Test
  void figure4KeepsElevenOfFourteenPoints() {
    // K = 14, T = {4, 7, 9, 14}: {2, 11, 12} are removed, m = |J| − 1 = 10
    boolean[] c = changed(14, 4, 7, 9, 14);
    int[] j = KeptSet.of(c);
    int[] oneBased = java.util.Arrays.stream(j).map(i -> i + 1).toArray();
    assertThat(oneBased).containsExactly(1, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14);
    assertThat(KeptSet.removedCount(c)).isEqualTo(3);
    assertThat(Bounds.dataDependent(c)).isEqualTo(10);
  }

  @Test
  void figure8KeepsNinePoints() {
    // K = 16, N = 3, T = {2, 4, 9}: J = {1,2,3,4,5,8,9,10,16}
    int[] j = KeptSet.of(changed(16, 2, 4, 9));
    assertThat(java.util.Arrays.stream(j).map(i -> i + 1).toArray())
        .containsExactly(1, 2, 3, 4, 5, 8, 9, 10, 16);
  }

  @Test
  void lemma47BoundsTheKeptSetForRandomT() {
    Random rng = new Random(5);
    for (int trial = 0; trial < 500; trial++) {
      int k = 1 + rng.nextInt(60);
      boolean[] c = new boolean[k];
      int n = 0;
      for (int i = 0; i < k; i++) {
        c[i] = rng.nextInt(4) == 0;
        n += c[i] ? 1 : 0;
      }
      int[] j = KeptSet.of(c);
      assertThat(j.length).isLessThanOrEqualTo(Math.min(3 * n + 2, k));
      assertThat(j.length + KeptSet.removedCount(c)).isEqualTo(k);
      // Lemma 4.6: |P([K]\T)| ≤ min{|[K]\T|, |T| + 1}
      assertThat(ConsecutivePartition.unchanged(c).size())
          .isLessThanOrEqualTo(Math.min(k - n, n + 1));
      // every changed point is kept, every removed point is interior to an unchanged block
      boolean[] kept = KeptSet.keptFlags(c);
      for (int i = 0; i < k; i++) {
        if (c[i]) {
          assertThat(kept[i]).isTrue();
        }
        if (!kept[i]) {
          assertThat(i > 0 && i < k - 1 && !c[i - 1] && !c[i + 1]).isTrue();
        }
      }
    }
  }
}
