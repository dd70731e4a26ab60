package org.ftcbench.capacity;

/**
 * One width search: the paper's fine-tuning task (N, K, d, seed) and an adapter depth L.
 * capacity.csv has one row per task key and criterion.
 */
public record TaskKey(int depth, int n, int k, int d, long seed) {
  /** The cell of this task with m neurons. */
  public CellKey cell(int m) {
    return new CellKey(depth, n, k, d, m, seed);
  }
}
