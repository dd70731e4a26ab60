package org.ftcbench.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Every ReLU expansion equals its activation, written the obvious way, on a fine grid. */
class ReluExpansionTest {

  private static void same(ReluExpansion e, DoubleUnaryOperator sigma) {
    for (double s = -6; s <= 6; s += 1.0 / 64) {
      assertThat(e.apply(s)).as("s = %s", s).isCloseTo(sigma.applyAsDouble(s), within(1e-12));
    }
  }

  @Test
  void hardTanhInBothFormsIsTwoReluAndExactOnItsSide() {
    DoubleUnaryOperator h = s -> Math.max(-1, Math.min(1, s));
    for (boolean below : new boolean[] {true, false}) {
      ReluExpansion e = ReluExpansion.hardTanh(below);
      assertThat(e.size()).isEqualTo(2);
      same(e, h);
    }
    // exact: no active ReLU on the exact side, even for huge arguments
    assertThat(ReluExpansion.hardTanh(true).apply(-1e300)).isEqualTo(-1.0);
    assertThat(ReluExpansion.hardTanh(false).apply(1e300)).isEqualTo(1.0);
  }

  @Test
  void bumpIsThreeReluPeakingAtZ() {
    double z = 0.4;
    double delta = 0.25;
    DoubleUnaryOperator bump =
        s -> Math.abs(s - z) >= delta ? 0 : z * (1 - Math.abs(s - z) / delta);
    for (boolean below : new boolean[] {true, false}) {
      ReluExpansion e = ReluExpansion.bump(z, delta, below);
      assertThat(e.size()).isEqualTo(3);
      same(e, bump);
    }
  }

  @Test
  void sigmaLIsFourReluAndContinuous() {
    double delta = 1;
    DoubleUnaryOperator l =
        s ->
            Math.abs(s) <= 1
                ? s
                : Math.abs(s) >= 1 + delta ? 0 : Math.signum(s) * (1 + delta - Math.abs(s)) / delta;
    for (boolean below : new boolean[] {true, false}) {
      ReluExpansion e = ReluExpansion.sigmaL(delta, below);
      assertThat(e.size()).isEqualTo(4);
      same(e, l);
    }
  }

  @Test
  void sigmaTNeedsOnlyTwoRelus() {
    // Appendix A counts σ_T as 2 ReLUs; docs/paper-notes.md §3.5 claim 3 are needed. Two
    // left-facing
    // ReLUs give it exactly, with no constant.
    double delta = 0.5;
    DoubleUnaryOperator t = s -> s < 1 ? s : s >= 1 + delta ? 0 : -(s - 1 - delta) / delta;
    ReluExpansion e = ReluExpansion.sigmaT(delta);
    assertThat(e.size()).isEqualTo(2);
    assertThat(e.constant()).isZero();
    same(e, t);
    assertThat(e.apply(1e300)).isZero();
  }
}
