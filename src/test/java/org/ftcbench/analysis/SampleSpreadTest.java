package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SampleSpreadTest {
  @Test
  void theCentreOverSeedsIsTheGeometricMean() {
    assertThat(SampleSpread.centre(new double[] {16, 64})).isCloseTo(32, within(1e-12));
    assertThat(SampleSpread.centre(new double[] {2, 4, 8, Double.NaN})).isCloseTo(4, within(1e-12));
    // seeds that agree give their value exactly, not exp(ln 12)
    assertThat(SampleSpread.centre(new double[] {12, 12, 12})).isEqualTo(12.0);
    // g = 0 meets the criterion for one seed: the limit of the geometric mean
    assertThat(SampleSpread.centre(new double[] {0, 12})).isEqualTo(0.0);
    assertThat(SampleSpread.centre(new double[] {Double.NaN})).isNaN();
  }

  @Test
  void theFitGoesThroughTheCentreItDraws() {
    SortedMap<Double, double[]> samples = new TreeMap<>();
    samples.put(10.0, new double[] {10, 40});
    samples.put(100.0, new double[] {100, 400});
    samples.put(1000.0, new double[] {0, 1000, 4000}); // the 0 cannot sit on a log axis
    SampleSpread drawn = SampleSpread.of(samples, true);
    PowerLawFit fit = PowerLaw.fit(samples, FitSettings.defaults());
    assertThat(drawn.n()).containsExactly(10, 100, 1000);
    assertThat(drawn.low()).containsExactly(10, 100, 1000);
    assertThat(drawn.high()).containsExactly(40, 400, 4000);
    for (int i = 0; i < 3; i++) {
      assertThat(drawn.centre()[i]).isCloseTo(fit.y()[i], within(1e-9 * fit.y()[i]));
    }
  }
}
