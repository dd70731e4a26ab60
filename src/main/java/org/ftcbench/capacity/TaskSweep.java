package org.ftcbench.capacity;

import java.util.List;

/**
 * Width searches over an explicit list of tasks, for the experiments whose grid is not depths × N ×
 * a K rule on the paper's data: the pre-training-quality sweep ({@link FractionSweep}: N/K at fixed
 * K) and the data-shape sweep ({@link StructureSweep}: data family × d). Each task gets one {@link
 * SweepItem.Search}; the plan merges a task two experiments share, as it does for the others.
 */
public interface TaskSweep {
  /** The profile key group, for messages (e.g. sweep.fraction). */
  String name();

  /** Every task searched, one per depth, N, K, d, seed and data family. */
  List<TaskKey> tasks();

  List<Criterion> criteria();

  SearchSettings search();
}
