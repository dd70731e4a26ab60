package org.ftcbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class PowerLawTest {
  static final FitSettings SETTINGS = FitSettings.defaults();

  static SortedMap<Double, double[]> exact(double a, double b, double... ns) {
    SortedMap<Double, double[]> m = new TreeMap<>();
    for (double n : ns) {
      m.put(n, new double[] {a * Math.pow(n, b)});
    }
    return m;
  }

  @Property(tries = 200)
  void recoversAnExactPowerLaw(
      @ForAll @DoubleRange(min = 0.01, max = 100) double a,
      @ForAll @DoubleRange(min = -2, max = 2) double b,
      @ForAll @IntRange(min = 3, max = 12) int points) {
    double[] ns = new double[points];
    for (int i = 0; i < points; i++) {
      ns[i] = 10 * Math.pow(1.9, i);
    }
    PowerLawFit f = PowerLaw.fit(exact(a, b, ns), SETTINGS);
    assertThat(f.b()).isCloseTo(b, within(1e-9));
    assertThat(f.a()).isCloseTo(a, within(1e-9 * a));
    assertThat(f.points()).isEqualTo(points);
    assertThat(f.bHigh() - f.bLow()).isLessThan(1e-6);
    for (double r : f.residuals()) {
      assertThat(r).isCloseTo(0, within(1e-9));
    }
  }

  /** The slow, obvious reference: OLS by its textbook formulas and a t quantile. */
  @Test
  void slopeAndIntervalMatchTheTextbookFormulas() {
    Random rng = new Random(5);
    SortedMap<Double, double[]> m = new TreeMap<>();
    double[] ns = {10, 30, 100, 300, 1000, 3000};
    for (double n : ns) {
      m.put(n, new double[] {2 * Math.pow(n, 0.7) * Math.exp(0.2 * rng.nextGaussian())});
    }
    PowerLawFit f = PowerLaw.fit(m, SETTINGS);
    int n = ns.length;
    double[] x = new double[n];
    double[] y = new double[n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      x[i] = Math.log10(ns[i]);
      y[i] = Math.log10(m.get(ns[i])[0]);
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    double b = sxy / sxx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - (my + b * (x[i] - mx));
      sse += e * e;
    }
    double se = Math.sqrt(sse / (n - 2) / sxx);
    double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
    assertThat(f.b()).isCloseTo(b, within(1e-12));
    assertThat(f.bLow()).isCloseTo(b - t * se, within(1e-9));
    assertThat(f.bHigh()).isCloseTo(b + t * se, within(1e-9));
  }

  @Test
  void nonPositiveAndMissingSamplesAreLeftOutAndCounted() {
    SortedMap<Double, double[]> m = new TreeMap<>();
    m.put(0.0, new double[] {5}); // N = 0 has no log
    m.put(10.0, new double[] {0, 3}); // m_min = 0: g = 0 passed
    m.put(100.0, new double[] {Double.NaN, 30}); // no width passed
    m.put(1000.0, new double[] {300, -1});
    PowerLawFit f = PowerLaw.fit(m, SETTINGS);
    assertThat(f.points()).isEqualTo(3);
    assertThat(f.samples()).isEqualTo(3);
    assertThat(f.nonPositive()).isEqualTo(3);
    assertThat(f.missing()).isEqualTo(1);
    assertThat(f.b()).isCloseTo(1, within(1e-12));
  }

  @Test
  void fitsOnePointPerNWithTheGeometricMeanOfItsSamples() {
    SortedMap<Double, double[]> m = new TreeMap<>();
    m.put(10.0, new double[] {1, 100}); // geometric mean 10
    m.put(100.0, new double[] {100});
    PowerLawFit f = PowerLaw.fit(m, SETTINGS);
    assertThat(f.y()[0]).isCloseTo(10, within(1e-12));
    assertThat(f.b()).isCloseTo(1, within(1e-12));
    assertThat(f.bLow()).isNaN(); // two points: no t interval
    assertThat(f.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
  }

  @Test
  void bootstrapIsSeededAndCoversTheSlope() {
    Random rng = new Random(11);
    SortedMap<Double, double[]> m = new TreeMap<>();
    for (double n : new double[] {10, 100, 1000, 10000}) {
      double[] s = new double[6];
      for (int i = 0; i < s.length; i++) {
        s[i] = Math.sqrt(n) * Math.exp(0.1 * rng.nextGaussian());
      }
      m.put(n, s);
    }
    PowerLawFit f1 = PowerLaw.fit(m, SETTINGS);
    PowerLawFit f2 = PowerLaw.fit(m, SETTINGS);
    assertThat(f1.bootLow()).isEqualTo(f2.bootLow());
    assertThat(f1.bootHigh()).isEqualTo(f2.bootHigh());
    assertThat(f1.bootLow()).isLessThan(f1.b()).isGreaterThan(0.4);
    assertThat(f1.bootHigh()).isGreaterThan(f1.b()).isLessThan(0.6);
    assertThat(f1.verdict().kind()).isEqualTo(Verdict.Kind.SQUARE_ROOT);
  }

  @Test
  void bootstrapNeedsReplicates() {
    PowerLawFit f = PowerLaw.fit(exact(1, 1, 10, 100, 1000), SETTINGS);
    assertThat(f.bootLow()).isNaN();
    assertThat(f.bootHigh()).isNaN();
  }

  @Test
  void upperDecadeUsesOnlyTheLastDecade() {
    // a fixed cost flattens small N: y = 100 + N; the upper decade is nearly linear
    SortedMap<Double, double[]> m = new TreeMap<>();
    for (double n : new double[] {10, 30, 100, 300, 1000, 3000, 10000, 30000, 100000}) {
      m.put(n, new double[] {100 + n});
    }
    PowerLawFit f = PowerLaw.fit(m, SETTINGS);
    assertThat(f.upper().nMin()).isEqualTo(10000);
    assertThat(f.upper().points()).isEqualTo(3);
    assertThat(f.upper().b()).isGreaterThan(f.b()).isCloseTo(1, within(0.02));
  }

  @Test
  void tooFewPointsGiveNoFit() {
    PowerLawFit f = PowerLaw.fit(exact(1, 1, 10), SETTINGS);
    assertThat(f.isFitted()).isFalse();
    assertThat(PowerLaw.fit(new TreeMap<>(), SETTINGS).isFitted()).isFalse();
  }
}
