package org.ftcbench.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.jblas.DoubleMatrix;

/**
 * The shape of a task's inputs x_1 … x_K ∈ R^d, named by a spec string that is also its name in
 * result files: {@code gaussian} (the paper's data, {@link PaperData}), {@code line}, {@code
 * curve}, {@code clusters:centres=C,sigma=S} and {@code heavy:nu=V}. The families differ only in
 * the inputs: the labels y_i ~ Unif[−1, 1] are the paper's, and every family is scaled so that a
 * coordinate has variance about 1, like N(0, I_d) (heavy tails excepted: theirs may be infinite).
 *
 * <p>The theorems (Sohn et al. 2024, Theorems 4.1 and 5.1) hold for any distinct inputs, and the
 * constructions' weights grow like 1/(smallest gap between projected inputs): these families are
 * the shapes that stress that (clusters of shrinking spread) or the lower bound (points on a line).
 * Each draws from the seed's inputs stream ({@link Seeds#INPUTS}) row by row after its own
 * parameters (direction, frequencies, centres), so sample i does not depend on K, and the same
 * (spec, K, d, seed) gives the same bits. {@link #generate} refuses data with two equal inputs.
 */
public sealed interface DataFamily {
  /** The paper's isotropic Gaussian inputs, today's tasks bit for bit. */
  DataFamily GAUSSIAN = new Gaussian();

  /** What to write for a spec that does not parse. */
  String CHOICES =
      "choose gaussian, line, curve, clusters:centres=C,sigma=S (e.g. clusters:centres=24,sigma=1e-4)"
          + " or heavy:nu=V (e.g. heavy:nu=2)";

  /** The canonical spec: {@code parse(spec()).equals(this)}. */
  String spec();

  /** One line for a reader: what the inputs are, with the parameters. */
  String description();

  /** The K × d inputs, drawn from {@code rng} (the seed's inputs stream). */
  DoubleMatrix inputs(int k, int d, Random rng);

  /**
   * K samples in dimension d under {@code seed}: this family's inputs and the paper's labels.
   *
   * @throws BadInputException if two inputs are equal (the theorems need distinct inputs)
   */
  default Dataset generate(int k, int d, long seed) {
    Validate.sizes(k, 0, d);
    DoubleMatrix x = inputs(k, d, Seeds.stream(seed, Seeds.INPUTS));
    requireDistinct(x, k, d, seed);
    return new Dataset(x, PaperData.labels(k, seed));
  }

  private void requireDistinct(DoubleMatrix x, int k, int d, long seed) {
    // sort the rows lexicographically; equal rows end up next to each other (< and > treat
    // −0.0 and 0.0 as the same coordinate, as the network does)
    Comparator<Integer> byRow =
        (a, b) -> {
          for (int j = 0; j < d; j++) {
            double u = x.get(a, j);
            double v = x.get(b, j);
            if (u < v) {
              return -1;
            }
            if (u > v) {
              return 1;
            }
          }
          return 0;
        };
    Integer[] order = new Integer[k];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, byRow);
    for (int i = 1; i < k; i++) {
      if (byRow.compare(order[i - 1], order[i]) == 0) {
        int a = Math.min(order[i - 1], order[i]);
        int b = Math.max(order[i - 1], order[i]);
        throw new BadInputException(
            String.format(
                "%s gives samples %d and %d the same input at K = %d, d = %d, seed %d: the"
                    + " theorems need distinct inputs: choose a larger spread or d, or another seed",
                spec(), a, b, k, d, seed));
      }
    }
  }

  /**
   * The family a spec names: {@code name} or {@code name:key=value,key=value}, keys in any order,
   * each exactly once.
   *
   * @throws BadInputException with one line saying what is wrong and the valid choices
   */
  static DataFamily parse(String spec) {
    String s = spec == null ? "" : spec.strip();
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    SpecParameters p = SpecParameters.of(spec, colon < 0 ? null : s.substring(colon + 1));
    DataFamily family =
        switch (name) {
          case "gaussian" -> GAUSSIAN;
          case "line" -> new Line();
          case "curve" -> new Curve();
          case "clusters" ->
              new Clusters(
                  p.wholeNumber("centres", 1, 1_000_000), p.positive("sigma", Double.MAX_VALUE));
          case "heavy" -> new Heavy(p.wholeNumber("nu", 1, 1000));
          default ->
              throw new BadInputException(
                  "data family '" + spec + "' is not one we know: " + CHOICES);
        };
    p.requireAllUsed();
    return family;
  }

  /** The paper's data: x_i ~ N(0, I_d) (Sohn et al. 2024, Section 7). */
  record Gaussian() implements DataFamily {
    @Override
    public String spec() {
      return "gaussian";
    }

    @Override
    public String description() {
      return "isotropic Gaussian inputs x ~ N(0, I_d), the paper's data";
    }

    @Override
    public DoubleMatrix inputs(int k, int d, Random rng) {
      return PaperData.inputs(k, d, rng);
    }
  }

  /**
   * Points on one line through 0: x_i = t_i·√d·u with u uniform on the unit sphere and t_i ~ N(0,
   * 1). Every projection aᵀx orders them the same way (or reversed) and spaces them alike, so the
   * direction the constructions draw cannot help them: the shape of the lower bound's argument.
   */
  record Line() implements DataFamily {
    @Override
    public String spec() {
      return "line";
    }

    @Override
    public String description() {
      return "points on a random line through 0 in R^d: x = t·√d·u, t ~ N(0, 1), |u| = 1";
    }

    @Override
    public DoubleMatrix inputs(int k, int d, Random rng) {
      double[] u = new double[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        u[j] = rng.nextGaussian();
        norm += u[j] * u[j];
      }
      // scale √d/|u|: E|x|² = d, as for N(0, I_d)
      double scale = Math.sqrt(d / norm);
      DoubleMatrix x = new DoubleMatrix(k, d);
      for (int i = 0; i < k; i++) {
        double t = rng.nextGaussian();
        for (int j = 0; j < d; j++) {
          x.put(i, j, t * scale * u[j]);
        }
      }
      return x;
    }
  }

  /**
   * Points on a smooth closed curve in R^d: x_j(t) = √2·sin(ω_j t + φ_j) with ω_j ~ Unif{1, 2, 3}
   * and φ_j ~ Unif[0, 2π) drawn once, t_i ~ Unif[0, 2π). A 1-D manifold that, unlike {@link Line},
   * bends (for d ≥ 2): different projections order its points differently.
   */
  record Curve() implements DataFamily {
    @Override
    public String spec() {
      return "curve";
    }

    @Override
    public String description() {
      return "points on a random closed curve in R^d: x_j = √2·sin(ω_j t + φ_j), ω_j ∈ {1, 2, 3},"
          + " t ~ Unif[0, 2π)";
    }

    @Override
    public DoubleMatrix inputs(int k, int d, Random rng) {
      double[] omega = new double[d];
      double[] phi = new double[d];
      for (int j = 0; j < d; j++) {
        omega[j] = 1 + rng.nextInt(3);
        phi[j] = 2 * Math.PI * rng.nextDouble();
      }
      DoubleMatrix x = new DoubleMatrix(k, d);
      for (int i = 0; i < k; i++) {
        double t = 2 * Math.PI * rng.nextDouble();
        for (int j = 0; j < d; j++) {
          // √2: sin² averages ½ over a period, so each coordinate has variance 1
          x.put(i, j, Math.sqrt(2) * Math.sin(omega[j] * t + phi[j]));
        }
      }
      return x;
    }
  }

  /**
   * Gaussian clusters: C centres c ~ N(0, I_d) drawn once, then each x_i = c_{k(i)} + σ·ε_i with
   * k(i) uniform over the centres and ε_i ~ N(0, I_d). As σ shrinks the projected gaps inside a
   * cluster shrink like σ, and the constructions' weights grow like 1/σ. With centres of size about
   * 1, σ down to about 1e-13 still separates the inputs in double precision (ulp(1) = 2.2e-16); far
   * below, c + σε rounds back to c and {@link #generate} refuses the equal inputs.
   *
   * @param centres C ≥ 1
   * @param sigma σ > 0, each cluster's standard deviation per coordinate
   */
  record Clusters(int centres, double sigma) implements DataFamily {
    @Override
    public String spec() {
      return "clusters:centres=" + centres + ",sigma=" + SpecParameters.format(sigma);
    }

    @Override
    public String description() {
      return "Gaussian clusters: "
          + centres
          + " centres c ~ N(0, I_d), x = c + σ·N(0, I_d) with σ = "
          + SpecParameters.format(sigma);
    }

    @Override
    public DoubleMatrix inputs(int k, int d, Random rng) {
      DoubleMatrix c = PaperData.inputs(centres, d, rng);
      DoubleMatrix x = new DoubleMatrix(k, d);
      for (int i = 0; i < k; i++) {
        int centre = rng.nextInt(centres);
        for (int j = 0; j < d; j++) {
          x.put(i, j, c.get(centre, j) + sigma * rng.nextGaussian());
        }
      }
      return x;
    }
  }

  /**
   * Heavy-tailed inputs: each coordinate Student-t with ν degrees of freedom, Z / √(χ²_ν / ν) with
   * χ²_ν a sum of ν squared standard normals. ν = 1 is the Cauchy distribution; for ν ≤ 2 the
   * variance is infinite, so a few inputs lie far out and the rest crowd together on the scale of
   * the range.
   *
   * @param nu ν, a whole number ≥ 1
   */
  record Heavy(int nu) implements DataFamily {
    @Override
    public String spec() {
      return "heavy:nu=" + nu;
    }

    @Override
    public String description() {
      return "heavy-tailed inputs: each coordinate Student-t with ν = "
          + nu
          + " degrees of freedom"
          + (nu == 1 ? " (Cauchy)" : "");
    }

    @Override
    public DoubleMatrix inputs(int k, int d, Random rng) {
      DoubleMatrix x = new DoubleMatrix(k, d);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < d; j++) {
          double z = rng.nextGaussian();
          double chi2 = 0;
          for (int r = 0; r < nu; r++) {
            double g = rng.nextGaussian();
            chi2 += g * g;
          }
          x.put(i, j, z / Math.sqrt(chi2 / nu));
        }
      }
      return x;
    }
  }
}
