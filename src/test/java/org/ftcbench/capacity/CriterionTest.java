package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;

class CriterionTest {
  @Test
  void paperIsAnAbsoluteThresholdOf004() {
    Criterion c = Criterion.parse("paper");
    assertThat(c.label()).isEqualTo("paper");
    assertThat(c.threshold(0.3)).isEqualTo(0.04);
    assertThat(c.passes(0.04, 0.3)).isTrue();
    assertThat(c.passes(0.0400001, 0.3)).isFalse();
    // a task whose loss with g = 0 is already below 0.04 passes without training
    assertThat(c.passes(0.03, 0.03)).isTrue();
  }

  @Test
  void relativeScalesWithTheLossOfNotFineTuning() {
    Criterion c = Criterion.parse(" relative:0.10 ");
    assertThat(c.label()).isEqualTo("relative:0.1");
    assertThat(c.threshold(0.5)).isEqualTo(0.05);
    assertThat(c.passes(0.05, 0.5)).isTrue();
    assertThat(c.passes(0.03, 0.03)).isFalse();
    // N = 0: the loss with g = 0 is exactly 0 and passes every criterion
    assertThat(c.passes(0.0, 0.0)).isTrue();
  }

  @Test
  void nanNeverPasses() {
    assertThat(Criterion.parse("paper").passes(Double.NaN, 1)).isFalse();
    assertThat(Criterion.parse("relative:0.5").passes(Double.NaN, 1)).isFalse();
  }

  @Test
  void badCriteriaSayHowToFixThem() {
    assertThatThrownBy(() -> Criterion.parse("strict"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown criterion 'strict'");
    assertThatThrownBy(() -> Criterion.parse("relative:abc"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> Criterion.parse("relative:1.5"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not in (0, 1)");
  }
}
