package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.api.Table;

/**
 * The K-independence check: Theorem 4.1 (for K ≥ 3N + 2) and Theorem 5.1 say the neurons needed
 * depend on N, not on K. Each line holds one N (and depth, and criterion) fixed and varies K:
 * trained m_min from capacity.csv, certified widths ({@link CertifiedWidths}) from certify.csv.
 * Only lines with two or more K are kept.
 *
 * @param lines the lines, trained first, each sorted by depth, criterion and N
 */
public record KIndependence(List<Line> lines) {

  /**
   * One line at fixed N.
   *
   * @param name what the line holds, "trained, depth 3, paper, N = 100"
   * @param n the N it holds fixed
   * @param source the run file it comes from
   * @param byK K → the samples (one per seed)
   * @param spread the line as drawn: the centre over seeds per K and the range
   */
  public record Line(
      String name, int n, String source, SortedMap<Double, double[]> byK, SampleSpread spread) {
    Line(String name, int n, String source, SortedMap<Double, double[]> byK) {
      this(name, n, source, byK, SampleSpread.of(byK, false));
    }
  }

  public static KIndependence of(RunData whole) {
    RunData run = whole.paperSetting();
    List<Line> lines = new ArrayList<>();
    run.capacity().ifPresent(t -> lines.addAll(trained(t)));
    run.certify().ifPresent(t -> lines.addAll(certified(t)));
    return new KIndependence(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The N of the lines, ascending and distinct. */
  public List<Integer> ns() {
    return lines.stream().map(Line::n).distinct().sorted().toList();
  }

  private static List<Line> trained(Table capacity) {
    Table rows =
        capacity.where(
            capacity
                .intColumn(Columns.DEPTH)
                .isNotMissing()
                .and(capacity.intColumn(Columns.N).isNotMissing())
                .and(capacity.intColumn(Columns.K).isNotMissing()));
    List<Line> out = new ArrayList<>();
    for (Table g :
        sorted(rows.splitOn(Columns.DEPTH, Columns.CRITERION, Columns.N).asTableList())) {
      String name =
          "trained, depth "
              + g.intColumn(Columns.DEPTH).get(0)
              + ", "
              + g.stringColumn(Columns.CRITERION).get(0)
              + ", N = "
              + g.intColumn(Columns.N).getInt(0);
      add(out, name, RunFolder.CAPACITY, g, Columns.M_MIN);
    }
    return out;
  }

  private static List<Line> certified(Table certify) {
    Table widths = CertifiedWidths.perSeed(certify);
    List<Line> out = new ArrayList<>();
    for (Table g : sorted(widths.splitOn(Columns.DEPTH, Columns.N).asTableList())) {
      String name =
          "certified, depth "
              + g.intColumn(Columns.DEPTH).getInt(0)
              + ", N = "
              + g.intColumn(Columns.N).getInt(0);
      add(out, name, RunFolder.CERTIFY, g, Columns.NEURONS);
    }
    return out;
  }

  private static void add(List<Line> out, String name, String source, Table g, String column) {
    SortedMap<Double, double[]> byK = SeriesBuilder.samplesBy(g, Columns.K, column);
    if (byK.size() >= 2) {
      out.add(new Line(name, g.intColumn(Columns.N).getInt(0), source, byK));
    }
  }

  /** Groups in the order depth, criterion (when there is one), N. */
  private static List<Table> sorted(List<Table> groups) {
    List<Table> out = new ArrayList<>(groups);
    out.sort(
        Comparator.comparingInt((Table g) -> g.intColumn(Columns.DEPTH).getInt(0))
            .thenComparing(
                g ->
                    g.columnNames().contains(Columns.CRITERION)
                        ? g.stringColumn(Columns.CRITERION).get(0)
                        : "")
            .thenComparingInt(g -> g.intColumn(Columns.N).getInt(0)));
    return out;
  }
}
