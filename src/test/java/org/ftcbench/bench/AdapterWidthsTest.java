package org.ftcbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;

class AdapterWidthsTest {
  @Test
  void twoLayerIsThreeNPlusOneNeuronsInOneHiddenLayer() {
    assertThat(AdapterWidths.widths(2, 10, 10)).containsExactly(10, 31, 1);
    assertThat(AdapterWidths.widths(2, 10_000, 10)).containsExactly(10, 30_001, 1);
    assertThat(AdapterWidths.widths(2, 0, 10)).containsExactly(10, 1, 1);
  }

  @Test
  void threeLayerSplitsSixCeilRootEvenly() {
    // 3N + 2 = 32: ⌈√32⌉ = 6, so m = 36 = 18 + 18
    assertThat(AdapterWidths.widths(3, 10, 10)).containsExactly(10, 18, 18, 1);
    // 3N + 2 = 30,002: ⌈√30,002⌉ = 174 (173² = 29,929)
    assertThat(AdapterWidths.widths(3, 10_000, 10)).containsExactly(10, 522, 522, 1);
    // 3N + 2 ≡ 2 (mod 3) is never a square, so the rounding always rounds; at a square it must not:
    assertThat(AdapterWidths.ceilSqrt(49)).isEqualTo(7);
    assertThat(AdapterWidths.ceilSqrt(50)).isEqualTo(8);
  }

  @Property
  void ceilSqrtIsTheSmallestRootAbove(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long v) {
    long s = AdapterWidths.ceilSqrt(v);
    assertThat(s * s).isGreaterThanOrEqualTo(v);
    assertThat(s == 0 || (s - 1) * (s - 1) < v).isTrue();
  }

  @Property
  void theWidthsAreTheCertifiedConstructionsSizes(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) int n) {
    // the certified sweep's numbers: 3N + 1 whenever K ≥ 3N + 2, and U3 split in two equal halves
    assertThat((long) AdapterWidths.widths(2, n, 10)[1])
        .isEqualTo(3L * n + 1)
        .isEqualTo(org.ftcbench.construct.Bounds.twoLayerUpper(n, Long.MAX_VALUE / 4));
    int[] w3 = AdapterWidths.widths(3, n, 10);
    assertThat(w3[1]).isEqualTo(w3[2]);
    assertThat((long) w3[1] + w3[2]).isEqualTo(org.ftcbench.construct.Bounds.u3(n));
  }

  @Test
  void otherDepthsAreRejectedWithTheFix() {
    assertThatThrownBy(() -> AdapterWidths.widths(4, 10, 10))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("choose depth 2 or 3");
  }
}
