package org.ftcbench.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
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
  public RunSummary {
    certifiedN = List.copyOf(certifiedN);
    trainedN = List.copyOf(trainedN);
    benchmarks = List.copyOf(benchmarks);
    kIndependenceN = List.copyOf(kIndependenceN);
    notices = List.copyOf(notices);
  }

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
        new ArrayList<>(benchmarks),
        fig9(run),
        kIndependenceN(run),
        status,
        run.notices());
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
        .map(
            t ->
                distinctN(
                    t,
                    i ->
                        !Columns.COMPARISON_ONLY.equals(
                            t.stringColumn(Columns.CONSTRUCTION).get(i))))
        .orElse(List.of());
  }

  private static List<Integer> trainedN(RunData run) {
    return run.capacity()
        .map(t -> distinctN(t, i -> !t.doubleColumn(Columns.M_MIN).isMissing(i)))
        .orElse(List.of());
  }

  /** The distinct N of the rows of {@code t} that {@code keep} accepts, ascending. */
  private static List<Integer> distinctN(Table t, IntPredicate keep) {
    TreeSet<Integer> ns = new TreeSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (!t.intColumn(Columns.N).isMissing(i) && keep.test(i)) {
        ns.add(t.intColumn(Columns.N).getInt(i));
      }
    }
    return new ArrayList<>(ns);
  }

  private static boolean fig9(RunData run) {
    Set<Integer> ns = new HashSet<>();
    Set<Integer> ms = new HashSet<>();
    run.cells()
        .ifPresent(
            t -> {
              for (int i = 0; i < t.rowCount(); i++) {
                if (!t.intColumn(Columns.DEPTH).isMissing(i)
                    && t.intColumn(Columns.DEPTH).getInt(i) == 3) {
                  ns.add(t.intColumn(Columns.N).get(i));
                  ms.add(t.intColumn(Columns.M).get(i));
                }
              }
            });
    return ns.size() >= 2 && ms.size() >= 2;
  }

  /** The N of the groups (depth, criterion, N) or (depth, N) that hold at least two K. */
  private static List<Integer> kIndependenceN(RunData run) {
    Map<String, Set<Integer>> ks = new HashMap<>();
    Map<String, Integer> nOf = new HashMap<>();
    for (Optional<Table> file : List.of(run.capacity(), run.certify())) {
      file.ifPresent(
          t -> {
            boolean capacity = t.columnNames().contains(Columns.CRITERION);
            for (int i = 0; i < t.rowCount(); i++) {
              if (t.intColumn(Columns.N).isMissing(i)
                  || t.intColumn(Columns.K).isMissing(i)
                  || t.intColumn(Columns.DEPTH).isMissing(i)) {
                continue;
              }
              int n = t.intColumn(Columns.N).getInt(i);
              String key =
                  (capacity ? "trained " + t.stringColumn(Columns.CRITERION).get(i) : "certified")
                      + " "
                      + t.intColumn(Columns.DEPTH).getInt(i)
                      + " "
                      + n;
              ks.computeIfAbsent(key, k -> new HashSet<>()).add(t.intColumn(Columns.K).getInt(i));
              nOf.put(key, n);
            }
          });
    }
    TreeSet<Integer> ns = new TreeSet<>();
    ks.forEach(
        (key, kSet) -> {
          if (kSet.size() >= 2) {
            ns.add(nOf.get(key));
          }
        });
    return new ArrayList<>(ns);
  }
}
