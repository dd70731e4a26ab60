package org.ftcbench.capacity;

import org.ftcbench.data.BadInputException;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;

/**
 * How one adapter cell is trained. The paper states none of this (docs/paper-notes.md §4, "Not
 * stated anywhere"); every choice below is ours, made before looking at any capacity curve, and the
 * same for every N, K, m and depth. Fixed choices that are not settings:
 *
 * <ul>
 *   <li><b>Initialisation.</b> Hidden layers He-initialised ({@code W_l ~ N(0, 2/d_{l-1})}, {@code
 *       b_l = 0}), the output layer zero ({@code W_L = 0}, {@code b_L = 0}). So g ≡ 0 at step 0 and
 *       training starts from ℓ_FT(g = 0), the loss of not fine-tuning at all: the adapter can only
 *       improve on f, and the K − N unchanged samples start exactly fitted. (With a random output
 *       layer the first loss is dominated by g's own noise on all K samples, several times
 *       ℓ_FT(0).) The draws come from {@code Seeds.stream(seed, ADAPTER_INIT)}, the same stream for
 *       every cell of one seed (common random numbers across N and m).
 *   <li><b>Full batch</b> on the cached residuals z = y' − f(X) ({@code FrozenPlusAdapter.CACHED}):
 *       the loss is deterministic, so a cell's result depends on nothing but its key.
 *   <li><b>Kept parameters.</b> A cell reports the lowest ℓ_FT it reached (the parameters one would
 *       keep), and stops as soon as that is at most the tightest criterion of the run. Training is
 *       deterministic, so whether a looser criterion passes is the same as if training had stopped
 *       at that criterion's own threshold: one training serves every criterion.
 * </ul>
 *
 * @param adam the optimizer's settings; its learning rate is the base step size η, and layer l
 *     steps by η / d_{l−1} ({@link LayerwiseAdam})
 * @param maxSteps the step budget: at most this many Adam updates per cell
 * @param plateauWindow the plateau rule looks back this many steps
 * @param plateauImprovement training stops when the lowest loss improved by less than this fraction
 *     over the last {@code plateauWindow} steps
 * @param divergenceFactor a cell fails if its loss stays above this multiple of ℓ_FT(g = 0) for a
 *     whole plateau window (or is ever NaN or infinite): training made things far worse than doing
 *     nothing, and did not recover
 * @param precision the arithmetic of g's kernels and optimizer (f's residuals are formed in float64
 *     and rounded once)
 */
public record TrainingSettings(
    AdamConfig adam,
    int maxSteps,
    int plateauWindow,
    double plateauImprovement,
    double divergenceFactor,
    Precision precision) {

  public TrainingSettings {
    if (maxSteps < 1) {
      throw new BadInputException("max_steps = " + maxSteps + ": choose at least 1 step");
    }
    if (plateauWindow < 1) {
      throw new BadInputException("plateau_window = " + plateauWindow + ": choose at least 1 step");
    }
    if (!(plateauImprovement >= 0 && plateauImprovement < 1)) {
      throw new BadInputException(
          "plateau_improvement = " + plateauImprovement + " is not in [0, 1): use e.g. 0.01");
    }
    if (!(divergenceFactor > 1)) {
      throw new BadInputException(
          "divergence_factor = " + divergenceFactor + " must exceed 1: use e.g. 10");
    }
  }

  /**
   * Our defaults, chosen on generic grounds (how low the loss gets, how stable training is) on two
   * probes, before any capacity curve was drawn: depth 3, K = 1000, N = 200, m = 12, 24, 48 (5,000
   * steps) and depth 2, K = 2000, N = 1000, m = 64, 128, 256 (3,000 steps).
   *
   * <ul>
   *   <li>Adam (Kingma and Ba 2015) with the usual β1 = 0.9, β2 = 0.999, ε = 1e-8 and step size η /
   *       fan-in per layer ({@link LayerwiseAdam}), η = 0.3. Plain Adam at 0.01 (the common
   *       full-batch choice) made wide adapters jump (at m = 1024 the first step raised ℓ_FT 300×)
   *       and reached 5× higher losses at m = 48; η = 0.1 per fan-in was about as good as plain
   *       Adam, η = 1 was unstable at small m (losses stuck near ℓ_FT(0)), η = 0.3 was best or
   *       within noise of the best at every width of both probes.
   *   <li>At most 10,000 steps: on the probes the loss falls fast for ~2,000 steps and then creeps;
   *       a cell that has not fitted by 10,000 steps is reported as it stands.
   *   <li>Plateau: stop when the lowest loss improved by less than 1% over the last 1,000 steps; at
   *       that rate the rest of the budget could lower it by at most ~10%.
   *   <li>Divergence: a loss that stays above 10 × ℓ_FT(g = 0) for a whole window, or NaN. Not a
   *       single spike: when most targets are 0 (K = 100 N, ℓ_FT(0) ≈ 0.005) Adam's first steps of
   *       ~η / fan-in per weight overshoot by more than 10 × and then recover.
   * </ul>
   */
  public static TrainingSettings defaults() {
    return new TrainingSettings(
        AdamConfig.withLearningRate(0.3), 10_000, 1_000, 0.01, 10.0, Precision.FLOAT32);
  }
}
