package org.ftcbench.capacity;

import java.util.List;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.jblas.DoubleMatrix;

/**
 * Trains one cell: an adapter g of depth L with m hidden neurons on a fine-tuning task, f frozen,
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
   * Rows per block for training g on K samples: at most the default of f and g (bounded memory),
   * and the K rows split into equal blocks. Equal blocks matter for speed: jblas hands each Java
   * array to BLAS whole (JNI copies it in and out), so a workspace larger than the block it holds
   * costs time on every call; at K = 1000 a default 8192-row workspace made a step ~5× slower.
   */
  static int blockRows(int k, DenseNetwork f, DenseNetwork g) {
    return blockRows(k, f.widths(), g.widths());
  }

  /** {@link #blockRows(int, DenseNetwork, DenseNetwork)} from the layer widths of f and g. */
  static int blockRows(int k, int[] fWidths, int[] gWidths) {
    int cap =
        Math.min(ForwardPass.defaultBlockRows(fWidths), ForwardPass.defaultBlockRows(gWidths));
    int blocks = (k + cap - 1) / cap;
    return (k + blocks - 1) / blocks;
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
    DenseNetwork g = initialAdapter(key.depth(), key.d(), key.m(), key.seed());
    int blockRows = blockRows(task.k(), task.f(), g);
    LayerwiseAdam adam = new LayerwiseAdam(g, settings.adam());
    FrozenPlusAdapter training =
        new FrozenPlusAdapter(
            task.f(), g, task.x(), task.yPrime(), FrozenPlusAdapter.FMode.CACHED, adam, blockRows);
    List<DoubleMatrix> parameters = g.parameters();
    List<DoubleMatrix> gradients = training.gradients();

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
      adam.update(parameters, gradients);
      step++;
    }
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    return new CellResult(key, failure == null ? best : Double.NaN, initial, step, wallMs, failure);
  }
}
