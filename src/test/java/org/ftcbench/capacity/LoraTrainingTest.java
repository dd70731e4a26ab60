package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.LoraSpec;
import org.ftcbench.nn.Precision;
import org.ftcbench.results.ResultFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A LoRA cell through the shared training loop, on f of the spec's shape. */
class LoraTrainingTest {
  static final TrainingSettings SHORT =
      new TrainingSettings(AdamConfig.withLearningRate(0.3), 300, 100, 0.01, 10, Precision.FLOAT64);

  static final TaskSource TASKS = new TaskSource();

  static TaskKey task(int depth, String variant) {
    return new TaskKey(
        depth, 20, 200, 4, 3, ResultFiles.GAUSSIAN, LoraSpec.variant(8, variant).spec());
  }

  @ParameterizedTest
  @ValueSource(strings = {"all/frozen", "last/frozen", "all/trainable", "last/trainable"})
  void loraStartsAtTheLossOfNotFineTuningAndLowersIt(String variant) {
    for (int depth : new int[] {2, 3}) {
      TaskKey key = task(depth, variant);
      FineTuningTask t = TASKS.task(key);
      assertThat(t.f().widths()).isEqualTo(LoraSpec.variant(8, variant).fWidths(depth, 4));
      CellResult r = AdapterTraining.train(t, key.cell(2), SHORT, 0);
      assertThat(r.initialLoss())
          .as("depth %d", depth)
          .isCloseTo(AdapterTraining.initialLoss(t), Percentage.withPercentage(1e-9));
      assertThat(r.failed()).isFalse();
      assertThat(r.finalLoss()).isLessThan(0.9 * r.initialLoss());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void inFloat32TooLoraStartsAtTheLossOfNotFineTuning(int depth) {
    TrainingSettings float32 =
        new TrainingSettings(SHORT.adam(), 1, 100, 0.01, 10, Precision.FLOAT32);
    TaskKey key =
        new TaskKey(
            depth, 10, 100, 10, 1, ResultFiles.GAUSSIAN, LoraSpec.variant(64, "all/frozen").spec());
    FineTuningTask t = TASKS.task(key);
    CellResult r = AdapterTraining.train(t, key.cell(1), float32, 0);
    assertThat(r.initialLoss())
        .isCloseTo(AdapterTraining.initialLoss(t), Percentage.withPercentage(1e-3));
  }
}
