package org.ftcbench.analysis;

import java.util.List;

/**
 * Column names of the result files (docs/design.md) and of the tables derived from them, in one
 * place.
 */
public final class Columns {
  private Columns() {}

  public static final String DEPTH = "depth";
  public static final String CONSTRUCTION = "construction";

  /**
   * The certify.csv construction shown for comparison only (construct's Appendix A, 4N + 4): not
   * part of Theorem 5.1's minimum, and checked in float64, so it never counts as the certified
   * width.
   */
  public static final String COMPARISON_ONLY = "three-layer-appendix-a";

  public static final String N = "N";
  public static final String K = "K";
  public static final String D = "d";
  public static final String M = "m";
  public static final String SEED = "seed";
  public static final String NEURONS = "neurons";
  public static final String PARAMS = "params";
  public static final String UPPER_BOUND = "upper_bound";
  public static final String LOWER_BOUND = "lower_bound";
  public static final String MAX_ABS_RESIDUAL = "max_abs_residual";
  public static final String BUILD_MS = "build_ms";
  public static final String VERIFY_MS = "verify_ms";
  public static final String CRITERION = "criterion";
  public static final String M_MIN = "m_min";
  public static final String LOSS_AT_M_MIN = "loss_at_m_min";
  public static final String INITIAL_LOSS = "initial_loss";
  public static final String FINAL_LOSS = "final_loss";
  public static final String STEPS = "steps";
  public static final String WALL_MS = "wall_ms";

  /** certify.csv: one row per construction. */
  public static final List<String> CERTIFY =
      List.of(
          DEPTH,
          CONSTRUCTION,
          N,
          K,
          D,
          SEED,
          NEURONS,
          PARAMS,
          UPPER_BOUND,
          LOWER_BOUND,
          MAX_ABS_RESIDUAL,
          BUILD_MS,
          VERIFY_MS);

  /** capacity.csv: one row per (depth, N, K, seed, criterion). */
  public static final List<String> CAPACITY =
      List.of(DEPTH, N, K, D, SEED, CRITERION, M_MIN, LOSS_AT_M_MIN, INITIAL_LOSS, STEPS, WALL_MS);

  /** cells.csv: every trained (depth, N, K, m, seed). */
  public static final List<String> CELLS =
      List.of(DEPTH, N, K, D, M, SEED, FINAL_LOSS, INITIAL_LOSS, STEPS, WALL_MS);

  /** Columns of the JMH table (one row per benchmark and parameter set), see {@link JmhResults}. */
  public static final String BENCHMARK = "benchmark";

  public static final String SERIES = "series";
  public static final String MODE = "mode";
  public static final String SIZE = "size";

  /** float64 or float32: the {@code precision} parameter, dgemm/sgemm, float64 when absent. */
  public static final String PRECISION = "precision";

  public static final String OTHER_PARAMS = "other_params";
  public static final String SECONDS = "seconds_per_op";
  public static final String SECONDS_LOW = "seconds_low";
  public static final String SECONDS_HIGH = "seconds_high";
  public static final String FLOPS_PER_OP = "flops_per_op";
  public static final String SAMPLES = "samples";
}
