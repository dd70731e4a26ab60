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

  @Test
  void otherDepthsAreRejectedWithTheFix() {
    assertThatThrownBy(() -> AdapterWidths.widths(4, 10, 10))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("choose depth 2 or 3");
  }
}
