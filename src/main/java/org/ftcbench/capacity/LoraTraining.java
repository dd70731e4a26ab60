package org.ftcbench.capacity;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.data.Seeds;
import org.ftcbench.nn.Adam;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.ForwardPass;
import org.ftcbench.nn.Kernels;
import org.ftcbench.nn.LoraFineTuning;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.LoraWeights;

/**
 * The start of one LoRA cell: rank r on the task's frozen f, trained on the changed labels y' by
 * {@link AdapterTraining#train}'s loop. f must have the spec's shape ({@link TaskSource} pre-trains
 * it so).
 *
 * <p>Initialisation (nn.LoraWeights): B_l = 0, so training starts at ℓ_FT(f) like the additive
 * adapter's g = 0; A_l ~ N(0, 1/D_{l−1}) from {@code Seeds.stream(seed, ADAPTER_INIT)}, the scale
 * at which H_{l−1} A_lᵀ keeps the scale of H_{l−1} (the He/LeCun fan-in rule), so the first updates
 * of B_l are neither vanishing nor exploding whatever D is.
 *
 * <p>Step size: plain Adam with η / D for every factor, η the profile's base step size. The
 * additive adapter's layer-wise rule (η / fan-in, {@link LayerwiseAdam}) gives its output layer η /
 * m; here every factor feeds a layer of width D, and an Adam step moves each entry by about the
 * step size, so η / D moves B_l A_l by O(η) relative to W_l's entries (~1/√D) at any r.
 */
final class LoraTraining {
  private LoraTraining() {}

  static <A> Trainable start(
      FineTuningTask task,
      LoraSpec spec,
      int rank,
      long seed,
      TrainingSettings settings,
      Kernels<A> kernels) {
    LoraWeights<A> lora =
        LoraWeights.initialised(
            task.f(),
            kernels,
            rank,
            spec.layers(),
            spec.trainBiases(),
            Seeds.stream(seed, Seeds.ADAPTER_INIT));
    AdamConfig base = settings.adam();
    Adam<A> adam =
        new Adam<>(
            kernels,
            new AdamConfig(
                base.learningRate() / spec.width(), base.beta1(), base.beta2(), base.epsilon()));
    int blockRows =
        ForwardPass.equalBlocks(
            task.k(), ForwardPass.defaultBlockRows(task.f().widths(), kernels.precision()));
    LoraFineTuning<A> training =
        new LoraFineTuning<>(lora, task.x(), task.yPrime(), adam, blockRows);
    return Trainable.of(training::loss, training::update);
  }
}
