package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.PowerLawFit;
import org.ftcbench.analysis.SeriesFit;
import org.ftcbench.analysis.Verdict;

/**
 * The verdict table: series × slope [interval] × expected × verdict, each verdict naming its data
 * and point count, for the whole N range and for the upper decade alone.
 */
final class VerdictTable {
  private VerdictTable() {}

  static final String EXPLANATION =
      "Each row fits y = a·N^b on log-log axes to one point per N (the geometric mean of that N's"
          + " raw samples). b's 95% interval is Student-t (n − 2 degrees of freedom); the bootstrap"
          + " interval resamples the raw samples (seeds, JMH forks × iterations) within each N,"
          + " 2000 times with a fixed seed. Verdicts read the t interval: <b>linear</b> when it"
          + " contains 1 and excludes 0.5, <b>square-root</b> when it contains 0.5 and excludes 1,"
          + " <b>inconclusive</b> when it contains both (or there are fewer than 3 points), else"
          + " <b>other</b>. The upper decade (N ≥ N<sub>max</sub>/10) is fitted again on its own,"
          + " where fixed costs no longer flatten the curve. Values ≤ 0 cannot be on a log axis and"
          + " are left out and counted, as are missing ones (no width in the grid passed).";

  /** The full table: both intervals, R² and the upper decade. */
  static String render(List<SeriesFit> fits, PageContext ctx) {
    return render(fits, ctx, false);
  }

  /**
   * The table; {@code compact} (the index) leaves out the bootstrap interval and R², which the
   * detail pages show.
   */
  static String render(List<SeriesFit> fits, PageContext ctx, boolean compact) {
    List<List<String>> rows = new ArrayList<>();
    for (SeriesFit f : fits) {
      PowerLawFit p = f.fit();
      PowerLawFit u = p.upper();
      Verdict uv = f.upperVerdict();
      String href = ctx.href(f.series().source());
      String data =
          (href == null ? Html.esc(f.series().source()) : Html.link(href, f.series().source()))
              + Html.esc(f.basis().substring(f.series().source().length()));
      List<String> row = new ArrayList<>();
      row.add(Html.esc(f.series().title()));
      row.add(Html.esc(f.series().expected()));
      row.add(num(Format.slope(p.b()) + " " + Format.interval(p.bLow(), p.bHigh())));
      if (!compact) {
        row.add(num(Format.interval(p.bootLow(), p.bootHigh())));
        row.add(num(Format.slope(p.r2())));
      }
      row.add(verdict(p.isFitted() ? f.verdict() : null, p.points()));
      row.addAll(
          List.of(
              u == null
                  ? "—"
                  : num(Format.slope(u.b()) + " " + Format.interval(u.bLow(), u.bHigh()))
                      + "<br><small>"
                      + u.points()
                      + " N from "
                      + Format.count(u.nMin())
                      + "</small>",
              uv == null ? "—" : verdict(uv, u.points()),
              data));
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("Series", "Expected b", "b [95% t]"));
    if (!compact) {
      header.addAll(List.of("b bootstrap 95%", "R²"));
    }
    header.addAll(
        List.of(
            "Verdict (all N)",
            "b upper decade [95% t]",
            "Verdict (upper decade)",
            "Data: file, points, samples"));
    return Html.table("verdicts", header, rows);
  }

  private static String num(String s) {
    return "<span class=\"num\">" + Html.esc(s) + "</span>";
  }

  private static String verdict(Verdict v, int points) {
    if (v == null) {
      return "<span class=\"v-inconclusive\">no fit ("
          + points
          + (points == 1 ? " N" : " N")
          + ")</span>";
    }
    String cls = "v-" + v.kind().name().toLowerCase().replace('_', '-');
    return "<span class=\"" + cls + "\">" + Html.esc(v.text()) + "</span>";
  }
}
