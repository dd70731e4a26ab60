package org.ftcbench.capacity;

import org.ftcbench.nn.Precision;

/**
 * Trains cells in the calling process, one at a time: the methods are synchronized, because jblas's
 * BLAS must not run in two threads at once (see {@link CellTrainer}). For serial sweeps, the worker
 * processes themselves, and tests.
 */
public final class LocalTrainer implements CellTrainer {
  private final TaskSource tasks = new TaskSource();
  private final TrainingSettings settings;

  public LocalTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized double initialLoss(TaskKey task) {
    return AdapterTraining.initialLoss(tasks.task(task));
  }

  @Override
  public synchronized CellResult train(CellKey cell, double stopLoss) {
    return AdapterTraining.train(tasks.task(cell.task()), cell, settings, stopLoss);
  }

  @Override
  public Precision precision() {
    return settings.precision();
  }

  public TrainingSettings settings() {
    return settings;
  }
}
