package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  @Test
  void projectionsAreDistinctSortedAndReproducible() {
    Random rng = new Random(1);
    DoubleMatrix x = new DoubleMatrix(500, 4);
    for (int i = 0; i < x.length; i++) {
      x.data[i] = Math.round(rng.nextGaussian() * 4) / 4.0; // many equal coordinates
    }
    DoubleMatrix z = new DoubleMatrix(500, 1);
    Projection p = Projection.of(x, z, new int[0], 9);
    for (int i = 1; i < p.size(); i++) {
      assertThat(p.c()[i]).isGreaterThan(p.c()[i - 1]);
    }
    double norm = 0;
    for (double v : p.a()) {
      norm += v * v;
    }
    // unit length up to the rounding of its entries to 26 bits
    assertThat(norm).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-7));
    for (double v : p.a()) {
      assertThat(Projection.shortMantissa(v)).isEqualTo(v);
    }
    assertThat(Projection.of(x, z, new int[0], 9).a()).containsExactly(p.a());
    assertThat(Projection.of(x, z, new int[0], 10).a()).isNotEqualTo(p.a());
  }

  @Test
  void theIndexSortMatchesABoxedSort() {
    Random rng = new Random(2);
    for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rng.nextInt(50);
      }
      Integer[] ref = new Integer[n];
      for (int i = 0; i < n; i++) {
        ref[i] = i;
      }
      Arrays.sort(ref, (a, b) -> Double.compare(v[a], v[b]));
      assertThat(Projection.sortedOrder(v, new double[n]))
          .containsExactly(Arrays.stream(ref).mapToInt(i -> i).toArray());
    }
  }

  @Test
  void inOneDimensionTiesAreImpossibleSoDuplicatesMerge() {
    DoubleMatrix x = new DoubleMatrix(new double[] {3, 1, 2, 1, 3});
    DoubleMatrix z = new DoubleMatrix(new double[] {0, 0.5, 0, 0.5, 0});
    Projection p = Projection.of(x, z, new int[] {1, 3}, 1);
    assertThat(p.size()).isEqualTo(3);
    assertThat(p.changedCount()).isEqualTo(1);
  }
}
