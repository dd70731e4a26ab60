package org.ftcbench.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * One run in the report's overview of runs: what it holds stage by stage, whether it is complete,
 * and its notices. Computed from the loaded run alone.
 *
 * @param dir the run folder
 * @param machine the machine (env.json's, else the folder's)
 * @param runId the run folder's name
 * @param profile env.json's profile, or ""
 * @param started when the run was first started (env.json's first_start, else start)
 * @param certifiedN the distinct N of certify.csv's certified constructions (Theorems 4.1 and 5.1;
 *     Appendix A, shown for comparison only, does not count), ascending
 * @param trainedN the distinct N of capacity.csv's rows that found a minimum width, ascending
 * @param kernelPoints jmh.json's benchmark points (benchmark × parameter set)
 * @param benchmarks the distinct benchmarks among them, in file order
 * @param fig9 whether cells.csv holds a Fig. 9 grid: depth-3 cells over at least 2 N and 2 m
 * @param kIndependenceN the N at which capacity.csv (one depth and criterion) or certify.csv (one
 *     depth) holds at least two K, the K-independence check, ascending
 * @param status what kind of run this is, from its stages and files
 * @param notices the run's notices ({@link RunData#notices})
 */
public record RunSummary(
    Path dir,
    String machine,
    String runId,
    String profile,
    Optional<Instant> started,
    List<Integer> certifiedN,
    List<Integer> trainedN,
    int kernelPoints,
    List<String> benchmarks,
    boolean fig9,
    List<Integer> kIndependenceN,
    Status status,
    List<Notice> notices) {

  /** What kind of run this is. */
  public enum Status {
    COMPLETE("complete", "certified and trained widths and kernel timings"),
    SWEEP_ONLY("sweep only", "certified and trained sweeps; no bench run was started"),
    BENCH_ONLY("bench only", "kernel benchmarks; no sweep was started"),
    UNFINISHED("unfinished", "a stage is still running or was interrupted"),
    FAILED("failed", "the bench run failed"),
    PARTIAL("partial", "some stages' results are missing");

    private final String label;
    private final String meaning;

    Status(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    /** "bench only". */
    public String label() {
      return label;
    }

    /** What the label means, one phrase. */
    public String meaning() {
      return meaning;
    }
  }

  public static RunSummary of(RunData run) {
    List<Integer> certified = certifiedN(run);
    List<Integer> trained = trainedN(run);
    int points = run.jmh().map(j -> j.table().rowCount()).orElse(0);
    Set<String> benchmarks = new LinkedHashSet<>();
    run.jmh().ifPresent(j -> benchmarks.addAll(j.table().stringColumn(Columns.BENCHMARK).asList()));
    boolean sweepData =
        rows(run.certify()) > 0 || rows(run.capacity()) > 0 || rows(run.cells()) > 0;
    Status status =
        status(run.progress(), !certified.isEmpty(), !trained.isEmpty(), points > 0, sweepData);
    String started = run.env().getOrDefault("first_start", run.env().get("start"));
    return new RunSummary(
        run.dir(),
        run.machine(),
        run.runId(),
        run.env().getOrDefault("profile", ""),
        instant(started),
        certified,
        trained,
        points,
        List.copyOf(benchmarks),
        fig9(run),
        kIndependenceN(run),
        status,
        List.copyOf(run.notices()));
  }

  public boolean hasCertified() {
    return !certifiedN.isEmpty();
  }

  public boolean hasTrained() {
    return !trainedN.isEmpty();
  }

  static Status status(
      RunProgress p, boolean certified, boolean trained, boolean kernels, boolean sweepData) {
    if (p.unfinished()) {
      return Status.UNFINISHED;
    }
    if (p.bench() == RunProgress.Stage.FAILED) {
      return Status.FAILED;
    }
    if (p.sweep() == RunProgress.Stage.NOT_RUN
        || (p.sweep() == RunProgress.Stage.UNRECORDED && !sweepData && kernels)) {
      return Status.BENCH_ONLY;
    }
    if (certified && trained && kernels) {
      return Status.COMPLETE;
    }
    if (p.bench() == RunProgress.Stage.NOT_RUN && (certified || trained)) {
      return Status.SWEEP_ONLY;
    }
    return Status.PARTIAL;
  }

  private static int rows(Optional<Table> t) {
    return t.map(Table::rowCount).orElse(0);
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static List<Integer> certifiedN(RunData run) {
    return run.certify()
        .map(t -> distinct(CertifiedWidths.perSeed(t).intColumn(Columns.N).asList()))
        .orElse(List.of());
  }

  private static List<Integer> trainedN(RunData run) {
    return run.capacity()
        .map(
            t ->
                distinct(
                    t.where(
                            t.doubleColumn(Columns.M_MIN)
                                .isNotMissing()
                                .and(t.intColumn(Columns.N).isNotMissing()))
                        .intColumn(Columns.N)
                        .asList()))
        .orElse(List.of());
  }

  /** The distinct values, ascending, as an unmodifiable list. */
  private static List<Integer> distinct(List<Integer> ns) {
    return List.copyOf(new TreeSet<>(ns));
  }

  /** Whether the Fig. 9 grid has at least 2 N and 2 m. */
  private static boolean fig9(RunData run) {
    return Fig9Grid.of(run).map(g -> g.ns().size() >= 2 && g.ms().size() >= 2).orElse(false);
  }

  private static List<Integer> kIndependenceN(RunData run) {
    return KIndependence.of(run).ns();
  }
}
