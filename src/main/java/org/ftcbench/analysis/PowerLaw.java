package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits y = a·N^b on log-log axes to raw samples grouped by N; see {@link PowerLawFit} for what is
 * reported. Pure: the same samples and settings give the same fit, bootstrap included.
 */
public final class PowerLaw {
  private PowerLaw() {}

  /**
   * Fits the samples (N → raw y values). Samples ≤ 0 and N ≤ 0 are left out of the log fit and
   * counted; NaN samples are counted as missing.
   */
  public static PowerLawFit fit(SortedMap<Double, double[]> samplesByN, FitSettings settings) {
    List<Double> ns = new ArrayList<>();
    List<double[]> logs = new ArrayList<>();
    int nonPositive = 0;
    int missing = 0;
    int samples = 0;
    for (Map.Entry<Double, double[]> e : samplesByN.entrySet()) {
      double n = e.getKey();
      double[] kept =
          Arrays.stream(e.getValue()).filter(v -> Double.isFinite(v) && v > 0).toArray();
      missing += (int) Arrays.stream(e.getValue()).filter(Double::isNaN).count();
      int bad = e.getValue().length - kept.length;
      nonPositive += bad - (int) Arrays.stream(e.getValue()).filter(Double::isNaN).count();
      if (!(n > 0) || !Double.isFinite(n)) {
        nonPositive += kept.length;
        continue;
      }
      if (kept.length == 0) {
        continue;
      }
      ns.add(n);
      logs.add(Arrays.stream(kept).map(Math::log10).toArray());
      samples += kept.length;
    }
    return fitLogs(ns, logs, samples, nonPositive, missing, settings, true);
  }

  private static PowerLawFit fitLogs(
      List<Double> ns,
      List<double[]> logs,
      int samples,
      int nonPositive,
      int missing,
      FitSettings settings,
      boolean withUpper) {
    int p = ns.size();
    double[] x = new double[p];
    double[] ly = new double[p];
    for (int i = 0; i < p; i++) {
      x[i] = Math.log10(ns.get(i));
      ly[i] = mean(logs.get(i));
    }
    double[] n = ns.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = Arrays.stream(ly).map(v -> Math.pow(10, v)).toArray();
    if (p < 2) {
      return new PowerLawFit(
          p,
          samples,
          nonPositive,
          missing,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          n,
          y,
          new double[p],
          null);
    }
    SimpleRegression reg = new SimpleRegression(true);
    for (int i = 0; i < p; i++) {
      reg.addData(x[i], ly[i]);
    }
    double b = reg.getSlope();
    double a = Math.pow(10, reg.getIntercept());
    double low = Double.NaN;
    double high = Double.NaN;
    if (p >= 3) {
      // b ± t_{n-2, 1-α/2} · SE(b); SimpleRegression gives the half-width
      double half = halfWidth(reg, p, settings.confidence());
      low = b - half;
      high = b + half;
    }
    double[] residuals = new double[p];
    for (int i = 0; i < p; i++) {
      residuals[i] = ly[i] - (reg.getIntercept() + b * x[i]);
    }
    double r2 = p >= 3 || reg.getTotalSumSquares() > 0 ? reg.getRSquare() : Double.NaN;
    double[] boot = bootstrap(x, logs, settings);
    PowerLawFit upper = null;
    if (withUpper) {
      double cut = n[p - 1] / settings.upperDecadeFactor();
      List<Double> un = new ArrayList<>();
      List<double[]> ul = new ArrayList<>();
      int us = 0;
      for (int i = 0; i < p; i++) {
        if (n[i] >= cut * (1 - 1e-12)) {
          un.add(n[i]);
          ul.add(logs.get(i));
          us += logs.get(i).length;
        }
      }
      if (un.size() >= 2) {
        upper = fitLogs(un, ul, us, 0, 0, settings, false);
      }
    }
    return new PowerLawFit(
        p,
        samples,
        nonPositive,
        missing,
        a,
        b,
        low,
        high,
        boot[0],
        boot[1],
        r2,
        n,
        y,
        residuals,
        upper);
  }

  private static double halfWidth(SimpleRegression reg, int p, double confidence) {
    double se = reg.getSlopeStdErr();
    if (se == 0) {
      return 0; // an exact power law: the interval is the point
    }
    if (!Double.isFinite(se)) {
      return Double.NaN;
    }
    double t = new TDistribution(p - 2).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return t * se;
  }

  /**
   * Percentile bootstrap of b: each replicate draws, within every N, as many raw log-samples as
   * there are with replacement, averages them, and refits. {NaN, NaN} when no N has two samples
   * (every replicate would equal the fit).
   */
  static double[] bootstrap(double[] x, List<double[]> logs, FitSettings settings) {
    boolean anyReplicates = logs.stream().anyMatch(l -> l.length >= 2);
    if (!anyReplicates || x.length < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom rng = new SplittableRandom(settings.seed());
    int reps = settings.bootstrapReplicates();
    double[] slopes = new double[reps];
    double[] ly = new double[x.length];
    for (int r = 0; r < reps; r++) {
      for (int i = 0; i < x.length; i++) {
        double[] s = logs.get(i);
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
          sum += s[rng.nextInt(s.length)];
        }
        ly[i] = sum / s.length;
      }
      slopes[r] = slope(x, ly);
    }
    Arrays.sort(slopes);
    double alpha = (1 - settings.confidence()) / 2;
    return new double[] {quantile(slopes, alpha), quantile(slopes, 1 - alpha)};
  }

  /** Least-squares slope of y on x. */
  static double slope(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }

  /** The q-quantile of sorted values, linear between order statistics. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
