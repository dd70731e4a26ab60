package org.ftcbench.analysis;

import org.ftcbench.results.ResultFiles;

/**
 * Column names of the tables the analysis works with: those of the result files (declared in {@link
 * ResultFiles}, repeated here by reference so the analysis names every column from one class) and
 * those of the tables derived from them.
 */
public final class Columns {
  private Columns() {}

  public static final String DEPTH = ResultFiles.DEPTH;
  public static final String CONSTRUCTION = ResultFiles.CONSTRUCTION;

  /** The certify.csv construction shown for comparison only, never the certified width. */
  public static final String COMPARISON_ONLY = ResultFiles.APPENDIX_A;

  public static final String N = ResultFiles.N;
  public static final String K = ResultFiles.K;
  public static final String D = ResultFiles.D;
  public static final String M = ResultFiles.M;
  public static final String SEED = ResultFiles.SEED;
  public static final String NEURONS = ResultFiles.NEURONS;
  public static final String PARAMS = ResultFiles.PARAMS;
  public static final String UPPER_BOUND = ResultFiles.UPPER_BOUND;
  public static final String LOWER_BOUND = ResultFiles.LOWER_BOUND;
  public static final String MAX_ABS_RESIDUAL = ResultFiles.MAX_ABS_RESIDUAL;
  public static final String MAX_ABS_WEIGHT = ResultFiles.MAX_ABS_WEIGHT;
  public static final String DATA = ResultFiles.DATA;
  public static final String ADAPTER = ResultFiles.ADAPTER;
  public static final String BUILD_MS = ResultFiles.BUILD_MS;
  public static final String VERIFY_MS = ResultFiles.VERIFY_MS;
  public static final String CRITERION = ResultFiles.CRITERION;
  public static final String M_MIN = ResultFiles.M_MIN;
  public static final String LOSS_AT_M_MIN = ResultFiles.LOSS_AT_M_MIN;
  public static final String INITIAL_LOSS = ResultFiles.INITIAL_LOSS;
  public static final String FINAL_LOSS = ResultFiles.FINAL_LOSS;
  public static final String STEPS = ResultFiles.STEPS;
  public static final String WALL_MS = ResultFiles.WALL_MS;

  /** Columns of the JMH table (one row per benchmark and parameter set), see {@link JmhResults}. */
  public static final String BENCHMARK = ResultFiles.BENCHMARK;

  public static final String SERIES = "series";
  public static final String MODE = "mode";
  public static final String SIZE = "size";

  /** float64 or float32: the {@code precision} parameter, dgemm/sgemm, float64 when absent. */
  public static final String PRECISION = ResultFiles.PRECISION;

  public static final String OTHER_PARAMS = "other_params";
  public static final String SECONDS = "seconds_per_op";
  public static final String SECONDS_LOW = "seconds_low";
  public static final String SECONDS_HIGH = "seconds_high";
  public static final String SAMPLES = "samples";
}
