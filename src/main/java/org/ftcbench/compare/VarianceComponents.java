package org.ftcbench.compare;

/**
 * The two variance components of one benchmark point in one run, from JMH's raw data (forks ×
 * measured iterations), by the one-way analysis of variance of the two-level model
 *
 * <pre>
 *   y_ij = μ + α_i + ε_ij,   α_i ~ (0, σ_b²) per fork i = 1…a,   ε_ij ~ (0, σ_w²) per iteration j = 1…b
 * </pre>
 *
 * (Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013, §3: variance lives at
 * several levels, here the JVM fork and the iteration within it). With fork means ȳ_i:
 *
 * <ul>
 *   <li>s_B² = sample variance of the fork means, E[s_B²] = σ_b² + σ_w²/b: the whole variance of a
 *       fork mean, so Var(μ̂) is estimated without bias by s_B²/a whatever the components are;
 *   <li>s_W² = the within-fork sample variance, pooled over the forks: estimates σ_w²;
 *   <li>σ̂_b² = s_B² − min(s_W²/b, s_B²): the between-fork part of s_B² (the usual ANOVA estimate
 *       max(0, s_B² − s_W²/b)); {@link #withinPart} = s_B² − σ̂_b² is the rest.
 * </ul>
 *
 * μ̂ is the mean of the fork means, so a fork weighs the same whatever its iteration count.
 *
 * @param forks a, the number of forks
 * @param iterations b, the mean number of measured iterations per fork
 * @param mean μ̂, the mean of the fork means
 * @param forkMeanVariance s_B² (0 with one fork: not estimable, see {@link #hasForkVariance})
 * @param withinVariance s_W² (0 when no fork has two iterations)
 * @param forkMeans ȳ_i
 */
public record VarianceComponents(
    int forks,
    double iterations,
    double mean,
    double forkMeanVariance,
    double withinVariance,
    double[] forkMeans) {

  /** The components of raw data [fork][iteration]; every fork needs at least one iteration. */
  public static VarianceComponents of(double[][] raw) {
    int a = raw.length;
    if (a == 0) {
      throw new IllegalArgumentException("no forks");
    }
    double[] means = new double[a];
    double withinSum = 0;
    int withinDf = 0;
    int total = 0;
    for (int i = 0; i < a; i++) {
      double[] fork = raw[i];
      if (fork.length == 0) {
        throw new IllegalArgumentException("fork " + i + " has no iterations");
      }
      means[i] = mean(fork);
      for (double v : fork) {
        withinSum += (v - means[i]) * (v - means[i]);
      }
      withinDf += fork.length - 1;
      total += fork.length;
    }
    double mu = mean(means);
    double sB2 = 0;
    for (double m : means) {
      sB2 += (m - mu) * (m - mu);
    }
    sB2 = a > 1 ? sB2 / (a - 1) : 0;
    double sW2 = withinDf > 0 ? withinSum / withinDf : 0;
    return new VarianceComponents(a, (double) total / a, mu, sB2, sW2, means);
  }

  /** Whether the fork means' variance can be estimated: at least two forks. */
  public boolean hasForkVariance() {
    return forks >= 2;
  }

  /** Whether the within-fork variance can be estimated: some fork has two iterations. */
  public boolean hasWithinVariance() {
    return iterations > 1;
  }

  /** The part of s_B² that iteration noise explains: min(s_W²/b, s_B²). */
  public double withinPart() {
    return Math.min(withinVariance / iterations, forkMeanVariance);
  }

  /** σ̂_b², the between-fork variance component (≥ 0). */
  public double betweenVariance() {
    return forkMeanVariance - withinPart();
  }

  /** Estimated variance of μ̂: s_B²/a. */
  public double varianceOfMean() {
    return forkMeanVariance / forks;
  }

  /** σ̂_b / μ̂: how much a fork's mean moves from fork to fork beyond its iterations' noise. */
  public double betweenCv() {
    return Math.sqrt(betweenVariance()) / Math.abs(mean);
  }

  /** s_W / μ̂: how much one iteration moves within a fork. */
  public double withinCv() {
    return Math.sqrt(withinVariance) / Math.abs(mean);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
