package org.ftcbench.data;

import java.util.Random;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.DenseNetwork;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.FrozenPlusAdapter;
import org.ftcbench.nn.Weights;
import org.jblas.DoubleMatrix;

/**
 * The pre-trained network f of the paper's experiment (Section 7): a ReLU network trained on D with
 * mean-squared error, then frozen. See {@link PretrainConfig} for its architecture and training,
 * which the paper leaves unstated.
 */
public final class PretrainedModel {
  private PretrainedModel() {}

  /** Trains f on the first min(K, maxSamples) samples of D with full-batch Adam. */
  public static DenseNetwork fit(Dataset data, PretrainConfig config, long seed) {
    int n = Math.min(data.size(), config.maxSamples());
    DoubleMatrix x = data.x().getRange(0, n, 0, data.dim());
    DoubleMatrix y = data.y().getRange(0, n, 0, 1);
    int[] widths = config.widths(data.dim());
    Random rng = Seeds.stream(seed, Seeds.PRETRAIN);
    DenseNetwork f = DenseNetwork.heInitialised(rng, widths);
    // Training f alone is training an adapter on top of the zero network.
    DenseNetwork zero = new DenseNetwork(data.dim(), 0, 1);
    FrozenPlusAdapter<double[]> training =
        new FrozenPlusAdapter<>(
            zero,
            Weights.of(f),
            x,
            y,
            FrozenPlusAdapter.FMode.CACHED,
            Adam.float64(AdamConfig.withLearningRate(config.learningRate())),
            ForwardPass.defaultBlockRows(widths));
    for (int s = 0; s < config.steps(); s++) {
      training.step();
    }
    return f;
  }
}
