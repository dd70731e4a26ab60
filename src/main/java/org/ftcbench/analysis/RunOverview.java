package org.ftcbench.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All runs of a report and the one its front page leads with: what a reader opens the report for is
 * the scaling answer, the certified and trained widths, so a newer run that holds less (a
 * bench-only run, a sweep that was interrupted) never takes the front page from one that holds
 * them. Among the runs the user named (all runs when none was named) the front run is the newest of
 * the first group that is not empty:
 *
 * <ol>
 *   <li>certified and trained widths, every stage finished;
 *   <li>certified and trained widths, a stage unfinished;
 *   <li>certified or trained widths;
 *   <li>any run.
 * </ol>
 *
 * @param runs every run, oldest first (by run id, then folder)
 * @param front the run the front page shows
 * @param reason why that run, one phrase ("the newest run with certified and trained widths")
 */
public record RunOverview(List<RunSummary> runs, RunSummary front, String reason) {
  public RunOverview {
    runs = List.copyOf(runs);
  }

  /** Oldest first: by run id (a UTC timestamp), then folder. */
  public static final Comparator<RunSummary> OLDEST_FIRST =
      Comparator.comparing(RunSummary::runId).thenComparing(s -> s.dir().toString());

  /**
   * The overview of {@code runs}; the front run is chosen among those whose folder is in {@code
   * named} (the run folders the user named), or among all when none of them is.
   */
  public static RunOverview of(Collection<RunData> runs, Collection<Path> named) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("an overview needs at least one run");
    }
    List<RunSummary> all = new ArrayList<>(runs.stream().map(RunSummary::of).toList());
    all.sort(OLDEST_FIRST);
    List<RunSummary> candidates = all.stream().filter(s -> named.contains(s.dir())).toList();
    boolean byName = !candidates.isEmpty() && candidates.size() < all.size();
    if (candidates.isEmpty()) {
      candidates = all;
    }
    RunSummary front =
        candidates.stream()
            .max(Comparator.comparingInt(RunOverview::rank).thenComparing(OLDEST_FIRST))
            .orElseThrow();
    String reason =
        switch (rank(front)) {
          case 3 -> "the newest run with certified and trained widths";
          case 2 -> "the newest run with certified and trained widths (none has finished)";
          case 1 -> "the newest run with certified or trained widths (none has both)";
          default -> "the newest run (none has certified or trained widths)";
        };
    if (byName) {
      reason = candidates.size() == 1 ? "named on the command line" : reason + " of those named";
    }
    return new RunOverview(all, front, reason);
  }

  /** The group of the front-page order (class Javadoc): higher is preferred. */
  static int rank(RunSummary s) {
    if (s.hasCertified() && s.hasTrained()) {
      return s.status() == RunSummary.Status.UNFINISHED ? 2 : 3;
    }
    return s.hasCertified() || s.hasTrained() ? 1 : 0;
  }

  /** The runs newer than the front run, oldest first. */
  public List<RunSummary> newerThanFront() {
    return runs.stream().filter(s -> OLDEST_FIRST.compare(s, front) > 0).toList();
  }

  /**
   * The runs by machine, newest first within a machine: the front run's machine first, then the
   * others in name order.
   */
  public Map<String, List<RunSummary>> byMachine() {
    Map<String, List<RunSummary>> sorted = new TreeMap<>();
    for (RunSummary s : runs) {
      sorted.computeIfAbsent(s.machine(), m -> new ArrayList<>()).add(0, s);
    }
    Map<String, List<RunSummary>> grouped = new LinkedHashMap<>();
    grouped.put(front.machine(), sorted.remove(front.machine()));
    grouped.putAll(sorted);
    return grouped;
  }
}
