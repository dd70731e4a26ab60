package org.ftcbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftcbench.data.FineTuningTask;
import org.ftcbench.nn.AdamConfig;
import org.ftcbench.nn.Precision;
import org.jblas.DoubleMatrix;
import org.junit.jupiter.api.Test;

class AdapterTrainingTest {
  static final TrainingSettings SHORT =
      new TrainingSettings(AdamConfig.withLearningRate(0.3), 400, 100, 0.01, 10, Precision.FLOAT64);

  /** One paper task for the whole class: pre-training f is the slow part. */
  static final FineTuningTask TASK = FineTuningTask.generate(80, 20, 4, 3);

  @Test
  void trainingStartsFromTheLossOfNotFineTuning() {
    FineTuningTask task = TASK;
    double l0 = AdapterTraining.initialLoss(task);
    CellResult r = AdapterTraining.train(task, new CellKey(3, 20, 80, 4, 6, 3), SHORT, 0);
    assertThat(r.initialLoss())
        .isCloseTo(l0, org.assertj.core.data.Percentage.withPercentage(1e-9));
    assertThat(r.finalLoss()).isLessThan(r.initialLoss());
    assertThat(r.failed()).isFalse();
    assertThat(AdapterTraining.initialAdapter(3, 4, 6, 3).predict(task.x()).normmax()).isZero();
  }

  @Test
  void trainingStopsAsSoonAsTheTargetIsReached() {
    FineTuningTask task = TASK;
    CellKey key = new CellKey(2, 20, 80, 4, 16, 3);
    CellResult full = AdapterTraining.train(task, key, SHORT, 0);
    double target = (full.initialLoss() + full.finalLoss()) / 2;
    CellResult early = AdapterTraining.train(task, key, SHORT, target);
    assertThat(early.finalLoss()).isLessThanOrEqualTo(target);
    assertThat(early.steps()).isLessThan(full.steps());
    // a target at the initial loss needs no step at all
    assertThat(AdapterTraining.train(task, key, SHORT, full.initialLoss()).steps()).isZero();
  }

  @Test
  void theBudgetAndThePlateauStopTraining() {
    FineTuningTask task = TASK;
    CellKey key = new CellKey(3, 20, 80, 4, 4, 3);
    TrainingSettings budget =
        new TrainingSettings(
            AdamConfig.withLearningRate(0.3), 37, 1000, 0.0, 10, Precision.FLOAT64);
    assertThat(AdapterTraining.train(task, key, budget, 0).steps()).isEqualTo(37);
    // demanding a 99% improvement per window stops at the first check
    TrainingSettings impatient =
        new TrainingSettings(
            AdamConfig.withLearningRate(0.3), 1000, 50, 0.99, 10, Precision.FLOAT64);
    assertThat(AdapterTraining.train(task, key, impatient, 0).steps()).isEqualTo(50);
  }

  @Test
  void aDivergingTrainingIsAFailedCellNotAnError() {
    FineTuningTask task = TASK;
    TrainingSettings wild =
        new TrainingSettings(
            AdamConfig.withLearningRate(1e4), 200, 20, 0.01, 10, Precision.FLOAT64);
    CellResult r = AdapterTraining.train(task, new CellKey(3, 20, 80, 4, 8, 3), wild, 0);
    assertThat(r.failed()).isTrue();
    assertThat(r.finalLoss()).isNaN();
    assertThat(r.failure()).containsAnyOf("diverged", "NaN", "Infinity");
    assertThat(r.passes(new Criterion.Paper(), r.initialLoss())).isFalse();
  }

  @Test
  void theResultDependsOnlyOnTheCell() {
    FineTuningTask task = TASK;
    CellKey key = new CellKey(3, 20, 80, 4, 10, 3);
    CellResult a = AdapterTraining.train(task, key, SHORT, 0);
    CellResult b =
        AdapterTraining.train(
            FineTuningTask.changeLabels(
                new org.ftcbench.data.Dataset(task.x(), task.yPrime()), task.f(), 20, 3),
            key,
            SHORT,
            0);
    assertThat(b.finalLoss()).isEqualTo(a.finalLoss());
    assertThat(b.steps()).isEqualTo(a.steps());
  }

  /**
   * A hat on three points of a line, z = (0, 1, 0) at x = (−1, 0, 1), with only the middle label
   * changed: one ReLU (plus an output bias) is monotone and cannot get below loss 1/6, while two
   * fit it exactly, relu(x + 1) − 2 relu(x). So the minimum width under relative:0.01 is 2.
   */
  @Test
  void theSearchFindsTheKnownMinimumOfAHat() {
    DoubleMatrix x = new DoubleMatrix(new double[][] {{-1}, {0}, {1}});
    DoubleMatrix z = new DoubleMatrix(new double[] {0, 1, 0});
    FineTuningTask task = FineTuningTask.fromResiduals(x, z, new int[] {1});
    double l0 = AdapterTraining.initialLoss(task);
    Criterion c = Criterion.parse("relative:0.01");
    TrainingSettings settings =
        new TrainingSettings(
            AdamConfig.withLearningRate(0.3), 5000, 1000, 0.01, 10, Precision.FLOAT64);
    TaskKey key = new TaskKey(2, 1, 3, 1, task.seed());
    CapacityRow row =
        WidthSearch.search(
            key,
            l0,
            c,
            new SearchSettings(1, 16, 0),
            m -> AdapterTraining.train(task, key.cell(m), settings, c.threshold(l0)));
    assertThat(row.mMin()).isEqualTo(2);
  }
}
