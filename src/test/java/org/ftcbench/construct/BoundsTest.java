package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundsTest {

  @Test
  void theorem41AndRemark2() {
    assertThat(Bounds.twoLayerUpper(10, 1000)).isEqualTo(31);
    assertThat(Bounds.twoLayerLower(10, 1000)).isEqualTo(30);
    assertThat(Bounds.twoLayerUpper(500, 1000)).isEqualTo(999);
    // Remark 2, N = K: m* + 1 ≤ K ≤ m* + 2
    for (long k = 3; k < 50; k++) {
      assertThat(Bounds.twoLayerUpper(k, k) + 1).isEqualTo(k);
      assertThat(Bounds.twoLayerLower(k, k) + 2).isEqualTo(k);
    }
  }

  @Test
  void corollary42() {
    // K ≥ m + 2: ⌊(m − 1)/3⌋ ≤ N* ≤ m/3; K ≤ m + 1: N* = K
    assertThat(Bounds.twoLayerCapacity(31, 1000)).isEqualTo(new Bounds.Range(10, 10));
    assertThat(Bounds.twoLayerCapacity(30, 1000)).isEqualTo(new Bounds.Range(9, 10));
    assertThat(Bounds.twoLayerCapacity(99, 100)).isEqualTo(new Bounds.Range(100, 100));
  }

  @Test
  void theorem51TakesTheSmallestOfU1U2U3WithRoundedUpRoots() {
    assertThat(Bounds.u1(16)).isEqualTo(16);
    assertThat(Bounds.u1(17)).isEqualTo(20);
    assertThat(Bounds.u2(3, 16)).isEqualTo(17);
    assertThat(Bounds.u3(3)).isEqualTo(24); // ⌈√11⌉ = 4
    assertThat(Bounds.threeLayerUpper(3, 16)).isEqualTo(16);
    assertThat(Bounds.threeLayerUpper(1, 10_000)).isEqualTo(Bounds.u3(1));
    assertThat(Bounds.ceilSqrt(Long.MAX_VALUE / 4)).isEqualTo(1518500250L);
    for (long m = 0; m < 5000; m++) {
      long r = Bounds.ceilSqrt(m);
      assertThat(r * r).isGreaterThanOrEqualTo(m);
      assertThat(r == 0 || (r - 1) * (r - 1) < m).isTrue();
    }
  }

  @Test
  void theorem51LowerBoundRoundsTheRealBoundUp() {
    for (long n = 0; n < 300; n++) {
      for (long k : new long[] {3, 10, 100, 1000}) {
        long m = Bounds.threeLayerLower(n, k);
        double real = Bounds.threeLayerLowerReal(n, k);
        assertThat((double) m).isGreaterThanOrEqualTo(real - 1e-9);
        assertThat((double) m - 1).isLessThan(real);
        // Sec. 5.1: min{3N, K − 2} ≤ m²/2 + m/2
        assertThat(m * m + m).isGreaterThanOrEqualTo(2 * Math.min(3 * n, k - 2));
      }
    }
  }

  @Test
  void corollary52() {
    long m = 36;
    // K ≤ ⌊m²/16⌋ = 81: N* = K
    assertThat(Bounds.threeLayerCapacity(m, 81)).isEqualTo(new Bounds.Range(81, 81));
    // A = ⌊1296/108 − 2/3⌋ = 11; K < (m² + m + 4)/2 = 668: A ≤ N* ≤ K
    assertThat(Bounds.threeLayerCapacity(m, 100)).isEqualTo(new Bounds.Range(11, 100));
    // B = (1296 + 36)/6 = 222
    assertThat(Bounds.threeLayerCapacity(m, 1000)).isEqualTo(new Bounds.Range(11, 222));
    // the proof's identity 6√(3(m²/108 − 2/3) + 2) = m
    for (int mm = 6; mm < 200; mm++) {
      assertThat(6 * Math.sqrt(3 * (mm * mm / 108.0 - 2.0 / 3) + 2))
          .isCloseTo(mm, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void proposition61AsPrintedIsWeakerThanItsDerivation() {
    assertThat(Bounds.deepWidthPrinted(100, 10_000, 4))
        .isEqualTo(Bounds.deepWidthDerived(100, 10_000, 4));
    for (int depth = 6; depth < 30; depth++) {
      assertThat(Bounds.deepWidthPrinted(1000, 1_000_000, depth))
          .isGreaterThan(Bounds.deepWidthDerived(1000, 1_000_000, depth));
    }
    // the √K branch caps both
    assertThat(Bounds.deepWidthDerived(1_000_000, 100, 4)).isEqualTo(4 * 10 + 2);
  }
}
