package org.ftcbench.capacity;

import org.ftcbench.nn.Precision;

/**
 * Where cells are trained: in this process ({@link LocalTrainer}) or in worker processes ({@link
 * WorkerPool}). Both give bit-identical results for the same cell; only wall times differ.
 *
 * <p>Why processes: the OpenBLAS inside jblas 1.2.5 is not safe to call from two threads at once.
 * Concurrent trainings in one JVM gave wrong losses and NaN (about one run in three on K = 60,
 * three threads), and the same runs were exact with a lock around every dgemm. A lock would
 * serialise the BLAS calls, which are most of a step, so parallel sweeps use one single-threaded
 * process per core instead.
 */
public interface CellTrainer extends AutoCloseable {
  /** ℓ_FT(g = 0) of the task ({@link AdapterTraining#initialLoss}). */
  double initialLoss(TaskKey task);

  /** Trains the cell ({@link AdapterTraining#train}) until ℓ_FT ≤ stopLoss or it stops. */
  CellResult train(CellKey cell, double stopLoss);

  /** The arithmetic of every cell it trains, recorded beside each result row. */
  Precision precision();

  @Override
  default void close() {}
}
