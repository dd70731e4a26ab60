package org.ftcbench.results;

import static org.ftcbench.results.Column.optional;
import static org.ftcbench.results.Column.required;
import static org.ftcbench.results.Column.trailing;

import java.util.List;
import java.util.stream.Stream;
import org.ftcbench.results.Column.Type;

/**
 * The result CSVs of a run folder (docs/design.md, "Results of one run"), each declared once: name,
 * columns in order with their types, and the columns that identify a row. Writers, readers, the
 * cluster merge and the test fixtures all take the columns from here.
 *
 * <p>Required columns are those without which the analysis cannot use the file; the others may be
 * absent (missing values). Columns added later go at the end with the value that files written
 * before them mean ({@link Column#trailing}), so old run folders still load.
 */
public final class ResultFiles {
  private ResultFiles() {}

  public static final String DEPTH = "depth";
  public static final String CONSTRUCTION = "construction";
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
  public static final String STEP = "step";
  public static final String REASON = "reason";
  public static final String BENCHMARK = "benchmark";
  public static final String WIDTHS = "widths";
  public static final String PARAMETERS = "parameters";
  public static final String FLOPS_PER_OP = "flops_per_op";

  /**
   * certify.csv: the largest |weight| or |bias| of the certified adapter's network, all layers
   * (float64 rounding); the constructions' weights grow like 1/(smallest projected gap), which the
   * data-shape experiment measures. Added after the data column; files without it leave it missing.
   */
  public static final String MAX_ABS_WEIGHT = "max_abs_weight";

  /**
   * certify.csv's {@code construction} of Appendix A (4N + 4), written by construct.Construction
   * and shown by the analysis for comparison only: never the certified width (Theorem 5.1 takes the
   * minimum over U1–U3).
   */
  public static final String APPENDIX_A = "three-layer-appendix-a";

  /**
   * float64 or float32, the precision the cells were trained in; added after the first runs, so
   * files without it were trained in float64.
   */
  public static final String PRECISION = "precision";

  /**
   * The data family of the task's inputs (data.DataFamily's spec, e.g. {@code gaussian} or {@code
   * clusters:centres=24,sigma=1e-4}); added with the data-shape experiment, so files without it
   * hold the paper's Gaussian data.
   */
  public static final String DATA = "data";

  /**
   * The kind of adapter trained ({@code additive}: g added to the frozen f, the paper's setting; a
   * LoRA spec for low-rank updates of f's weights, where {@code m} is the rank); added with the
   * LoRA sweep, so files without it hold additive adapters.
   */
  public static final String ADAPTER = "adapter";

  /** The paper's setting: every row written before the data and adapter columns. */
  public static final String GAUSSIAN = "gaussian";

  public static final String ADDITIVE = "additive";

  /** The task's columns, first in capacity.csv, cells.csv and failures.csv. */
  private static final List<Column> TASK =
      List.of(
          required(DEPTH, Type.INT),
          required(N, Type.INT),
          required(K, Type.INT),
          optional(D, Type.INT));

  /** A trained cell: the task, its width m and its seed. */
  private static final List<Column> CELL =
      concat(TASK, List.of(required(M, Type.INT), optional(SEED, Type.LONG)));

  private static final List<String> CELL_KEY = List.of(DEPTH, N, K, D, M, SEED, DATA, ADAPTER);

  /** How the training went, last in capacity.csv and cells.csv. */
  private static final List<Column> TRAINING =
      List.of(
          optional(INITIAL_LOSS, Type.DOUBLE),
          optional(STEPS, Type.DOUBLE),
          optional(WALL_MS, Type.DOUBLE),
          trailing(PRECISION, Type.STRING, "float64"));

  /** What was adapted on which data, last in capacity.csv, cells.csv and failures.csv. */
  private static final List<Column> SETTING =
      List.of(trailing(DATA, Type.STRING, GAUSSIAN), trailing(ADAPTER, Type.STRING, ADDITIVE));

  @SafeVarargs
  private static List<Column> concat(List<Column>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  /** certify.csv: one row per construction (construct.CertifySweep). */
  public static final ResultFile CERTIFY =
      new ResultFile(
          RunFolder.CERTIFY,
          List.of(
              required(DEPTH, Type.INT),
              required(CONSTRUCTION, Type.STRING),
              required(N, Type.INT),
              required(K, Type.INT),
              optional(D, Type.INT),
              optional(SEED, Type.LONG),
              required(NEURONS, Type.DOUBLE),
              optional(PARAMS, Type.DOUBLE),
              optional(UPPER_BOUND, Type.DOUBLE),
              optional(LOWER_BOUND, Type.DOUBLE),
              optional(MAX_ABS_RESIDUAL, Type.DOUBLE),
              optional(BUILD_MS, Type.DOUBLE),
              optional(VERIFY_MS, Type.DOUBLE),
              trailing(DATA, Type.STRING, GAUSSIAN),
              trailing(MAX_ABS_WEIGHT, Type.DOUBLE, "")),
          List.of(CONSTRUCTION, N, K, D, SEED, DATA));

  /** capacity.csv: one row per (depth, N, K, seed, criterion) (capacity.CapacityRow). */
  public static final ResultFile CAPACITY =
      new ResultFile(
          RunFolder.CAPACITY,
          concat(
              TASK,
              List.of(
                  optional(SEED, Type.LONG),
                  required(CRITERION, Type.STRING),
                  required(M_MIN, Type.DOUBLE),
                  optional(LOSS_AT_M_MIN, Type.DOUBLE)),
              TRAINING,
              SETTING),
          List.of(DEPTH, N, K, D, SEED, CRITERION, DATA, ADAPTER));

  /** cells.csv: every trained (depth, N, K, m, seed), the Fig. 9 heatmap (capacity.CellResult). */
  public static final ResultFile CELLS =
      new ResultFile(
          RunFolder.CELLS,
          concat(CELL, List.of(required(FINAL_LOSS, Type.DOUBLE)), TRAINING, SETTING),
          CELL_KEY);

  /**
   * failures.csv: a cell that failed (NaN or diverging loss, at step {@code step}) or whose worker
   * died (step −1; m = 0 for the task's initial loss), and why (capacity.CellStore).
   */
  public static final ResultFile FAILURES =
      new ResultFile(
          RunFolder.FAILURES,
          concat(CELL, List.of(optional(STEP, Type.INT), optional(REASON, Type.STRING)), SETTING),
          CELL_KEY);

  /**
   * flops.csv: FLOPs per operation of every point of a bench run (bench.BenchPlan). {@code
   * benchmark} and {@code params} are jmh.json's {@code benchmark} and its {@code params} written
   * as {@code name=value} pairs sorted by name and joined by ';' (empty for none); depth, N and K
   * repeat those params; widths is the adapter's (d-…-1).
   */
  public static final ResultFile FLOPS =
      new ResultFile(
          RunFolder.FLOPS,
          List.of(
              required(BENCHMARK, Type.STRING),
              required(PARAMS, Type.STRING),
              optional(DEPTH, Type.INT),
              optional(N, Type.INT),
              optional(K, Type.INT),
              optional(WIDTHS, Type.STRING),
              optional(NEURONS, Type.LONG),
              optional(PARAMETERS, Type.LONG),
              required(FLOPS_PER_OP, Type.DOUBLE)),
          List.of(BENCHMARK, PARAMS));
}
