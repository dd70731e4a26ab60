package org.ftcbench.capacity;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.Precision;
import org.ftcbench.nn.Weights;

/**
 * Trains one cell: an adapter g of depth L with m hidden neurons on a fine-tuning task, f frozen
 * (or, for a LoRA cell, a rank-m LoRA of f: {@link LoraTraining}, same loop and stop rules),
 * full-batch Adam (step size η / fan-in per layer, {@link LayerwiseAdam}) on ℓ_FT = (1/K) Σ_i
 * (f(x_i) + g(x_i) − y'_i)² (Sohn et al. 2024, Section 7). See {@link TrainingSettings} for every
 * choice. The result depends only on the task, L, m and the settings, never on threads or on what
 * ran before.
 */
public final class AdapterTraining {
  private AdapterTraining() {}

  /**
   * ℓ_FT(g = 0) = (1/K) Σ_i z_i², summed in index order: the loss of not fine-tuning, which the
   * criteria of a task are measured against.
   */
  public static double initialLoss(FineTuningTask task) {
    double[] z = task.z().data;
    double sum = 0;
    for (double v : z) {
      sum += v * v;
    }
    return sum / z.length;
  }

  /**
   * The adapter a cell starts from: hidden layers He-initialised from {@code Seeds.stream(seed,
   * ADAPTER_INIT)}, output layer zero, so g ≡ 0.
   */
  public static DenseNetwork initialAdapter(int depth, int d, int m, long seed) {
    int[] widths = AdapterShape.widths(depth, d, m);
    DenseNetwork g = DenseNetwork.heInitialised(Seeds.stream(seed, Seeds.ADAPTER_INIT), widths);
    g.weight(g.depth()).fill(0.0);
    g.bias(g.depth()).fill(0.0);
    return g;
  }

  /**
   * Rows per block for training g on K samples: the kernels' cache-sized default for g's widths in
   * its precision ({@link ForwardPass#defaultBlockRows}), at most the default of f, which forms the
   * residuals on the same blocks, rounded so the K rows split into equal blocks ({@link
   * ForwardPass#equalBlocks}).
   */
  static int blockRows(int k, int[] fWidths, int[] gWidths, Precision precision) {
    int target =
        Math.min(
            ForwardPass.defaultBlockRows(fWidths),
            ForwardPass.defaultBlockRows(gWidths, precision));
    return ForwardPass.equalBlocks(k, target);
  }

  /**
   * The training of one cell, in g's precision: f + g on the task's residuals with layer-wise Adam,
   * g starting from {@link #initialAdapter}.
   */
  static <A> FrozenPlusAdapter<A> start(
      FineTuningTask task, int depth, int m, long seed, TrainingSettings settings, Kernels<A> k) {
    DenseNetwork g0 = initialAdapter(depth, task.d(), m, seed);
    Weights<A> g = Weights.copyOf(g0, k);
    return new FrozenPlusAdapter<>(
        task.f(),
        g,
        task.x(),
        task.yPrime(),
        FrozenPlusAdapter.FMode.CACHED,
        new LayerwiseAdam<>(g, settings.adam()),
        blockRows(task.k(), task.f().widths(), g0.widths(), k.precision()));
  }

  /** The cell's adapter, ready to train: the additive g of {@link #start} or a LoRA of f. */
  private static Trainable trainable(FineTuningTask task, CellKey key, TrainingSettings settings) {
    if (LoraSpec.isLora(key.adapter())) {
      return LoraTraining.start(
          task,
          LoraSpec.parse(key.adapter()),
          key.m(),
          key.seed(),
          settings,
          settings.precision().kernels());
    }
    FrozenPlusAdapter<?> g =
        start(task, key.depth(), key.m(), key.seed(), settings, settings.precision().kernels());
    return Trainable.of(g::lossAndGradient, g::update);
  }

  /**
   * Trains the cell {@code key} on {@code task} until ℓ_FT ≤ {@code stopLoss}, the step budget, a
   * plateau, or a failure (NaN or diverging loss).
   */
  public static CellResult train(
      FineTuningTask task, CellKey key, TrainingSettings settings, double stopLoss) {
    if (task.k() != key.k() || task.n() != key.n() || task.d() != key.d()) {
      throw new IllegalArgumentException(
          "cell " + key + " does not belong to a task with K=" + task.k() + ", N=" + task.n());
    }
    long t0 = System.nanoTime();
    Trainable training = trainable(task, key, settings);

    double initial = Double.NaN;
    double best = Double.POSITIVE_INFINITY;
    double bestAtLastCheck = Double.POSITIVE_INFINITY;
    double windowLowest = Double.POSITIVE_INFINITY;
    String failure = null;
    int step = 0;
    while (true) {
      // ℓ_FT at θ_step and its gradient
      double loss = training.lossAndGradient();
      if (step == 0) {
        initial = loss;
        bestAtLastCheck = loss;
      }
      if (!Double.isFinite(loss)) {
        failure = "loss became " + loss + " at step " + step;
        break;
      }
      best = Math.min(best, loss);
      if (step > 0) { // the window is the steps since the last check, not where training began
        windowLowest = Math.min(windowLowest, loss);
      }
      if (best <= stopLoss || step == settings.maxSteps()) {
        break;
      }
      if (step > 0 && step % settings.plateauWindow() == 0) {
        // diverged: even the lowest loss of the whole window was far above where training began
        // (a short spike is not divergence: Adam's first steps can overshoot and recover)
        if (windowLowest > settings.divergenceFactor() * initial) {
          failure =
              "diverged: the loss stayed above "
                  + settings.divergenceFactor()
                  + " × the initial loss "
                  + initial
                  + " for steps "
                  + (step - settings.plateauWindow())
                  + " to "
                  + step
                  + " (lowest "
                  + windowLowest
                  + ")";
          break;
        }
        // plateau: the lowest loss improved by less than the required fraction over the window
        if (best > (1 - settings.plateauImprovement()) * bestAtLastCheck) {
          break;
        }
        bestAtLastCheck = best;
        windowLowest = Double.POSITIVE_INFINITY;
      }
      training.update(); // θ ← Adam(θ, ∇ℓ_FT)
      step++;
    }
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    return new CellResult(key, failure == null ? best : Double.NaN, initial, step, wallMs, failure);
  }
}
