package org.ftcbench.capacity;

import org.ftcbench.data.BadInputException;

/**
 * When a trained adapter counts as fitting the fine-tuning task. The paper (Sohn et al. 2024,
 * Section 7) asks for exact interpolation in theory (Eq. 2) but, in its experiment, accepts
 *
 * <pre>
 *   ℓ_FT = (1/K) Σ_i (f(x_i) + g(x_i) − y'_i)² ≤ 0.04.
 * </pre>
 *
 * That threshold is absolute: with g = 0 the loss is ℓ_FT(0) = (1/K) Σ_{i∈T} z_i², about (N/K) ·
 * E[z²], so at K = 1000 every small N passes without training, and the precision it demands
 * relative to the task changes with N/K. {@link Relative} asks for the same precision at every N
 * instead.
 */
public sealed interface Criterion {
  /** The largest loss that passes, for a task whose loss with g = 0 is {@code initialLoss}. */
  double threshold(double initialLoss);

  /** Whether a loss passes; NaN (a failed training) never does. */
  default boolean passes(double loss, double initialLoss) {
    return loss <= threshold(initialLoss);
  }

  /** The name used in profiles and in capacity.csv's {@code criterion} column. */
  String label();

  /** The paper's criterion: ℓ_FT ≤ 0.04 (Section 7, Fig. 9). */
  record Paper() implements Criterion {
    /** The paper's threshold on ℓ_FT. */
    public static final double THRESHOLD = 0.04;

    @Override
    public double threshold(double initialLoss) {
      return THRESHOLD;
    }

    @Override
    public String label() {
      return "paper";
    }
  }

  /**
   * ℓ_FT ≤ ε · ℓ_FT(g = 0): the adapter removes all but a fraction ε of the loss the changed labels
   * cause, the same demand at every N and K.
   *
   * @param epsilon ε, in (0, 1)
   */
  record Relative(double epsilon) implements Criterion {
    public Relative {
      if (!(epsilon > 0 && epsilon < 1)) {
        throw new BadInputException(
            "relative criterion level ε = "
                + epsilon
                + " is not in (0, 1): use e.g. relative:0.01");
      }
    }

    @Override
    public double threshold(double initialLoss) {
      return epsilon * initialLoss;
    }

    @Override
    public String label() {
      return "relative:" + epsilon;
    }
  }

  /** Parses {@code paper} or {@code relative:ε}. */
  static Criterion parse(String text) {
    String t = text.trim();
    if (t.equals("paper")) {
      return new Paper();
    }
    if (t.startsWith("relative:")) {
      String level = t.substring("relative:".length()).trim();
      try {
        return new Relative(Double.parseDouble(level));
      } catch (NumberFormatException e) {
        throw new BadInputException(
            "criterion '"
                + t
                + "' has level '"
                + level
                + "', not a number: use e.g. relative:0.01");
      }
    }
    throw new BadInputException(
        "unknown criterion '" + t + "': use 'paper' or 'relative:ε' with 0 < ε < 1");
  }
}
