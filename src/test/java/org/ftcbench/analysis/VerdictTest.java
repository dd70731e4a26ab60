package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void readsTheIntervalExactlyAsTheIssueSays() {
    assertThat(Verdict.of(0.98, 0.9, 1.05).text()).isEqualTo("linear");
    assertThat(Verdict.of(0.52, 0.45, 0.6).text()).isEqualTo("square-root");
    assertThat(Verdict.of(0.75, 0.4, 1.1).text()).isEqualTo("inconclusive");
    assertThat(Verdict.of(0.74, 0.7, 0.78).text()).isEqualTo("other (b = 0.74)");
    assertThat(Verdict.of(1.2, Double.NaN, Double.NaN).text())
        .isEqualTo("inconclusive (no interval)");
  }

  @Test
  void intervalEndsCount() {
    assertThat(Verdict.of(0.9, 0.8, 1.0).kind()).isEqualTo(Verdict.Kind.LINEAR);
    assertThat(Verdict.of(0.6, 0.5, 0.7).kind()).isEqualTo(Verdict.Kind.SQUARE_ROOT);
  }
}
