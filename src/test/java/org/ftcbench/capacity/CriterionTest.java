package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ftcbench.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriterionTest {
  /** paper is an absolute threshold of 0.04; relative:r scales with the loss of not fine-tuning. */
  @ParameterizedTest(name = "{0}: label {1}, threshold {3} at initial loss {2}")
  @CsvSource({"paper, paper, 0.3, 0.04", "' relative:0.10 ', relative:0.1, 0.5, 0.05"})
  void labelAndThreshold(String spec, String label, double initialLoss, double threshold) {
    Criterion c = Criterion.parse(spec);
    assertThat(c.label()).isEqualTo(label);
    assertThat(c.threshold(initialLoss)).isEqualTo(threshold);
  }

  @ParameterizedTest(name = "{0}, loss {1} of initial {2}: passes = {3}")
  @CsvSource({
    "paper, 0.04, 0.3, true",
    "paper, 0.0400001, 0.3, false",
    // a task whose loss with g = 0 is already below 0.04 passes without training
    "paper, 0.03, 0.03, true",
    "' relative:0.10 ', 0.05, 0.5, true",
    "' relative:0.10 ', 0.03, 0.03, false",
    // N = 0: the loss with g = 0 is exactly 0 and passes every criterion
    "' relative:0.10 ', 0.0, 0.0, true",
    // NaN never passes
    "paper, NaN, 1, false",
    "relative:0.5, NaN, 1, false"
  })
  void passes(String spec, double loss, double initialLoss, boolean passes) {
    assertThat(Criterion.parse(spec).passes(loss, initialLoss)).isEqualTo(passes);
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
