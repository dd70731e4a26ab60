package org.ftcbench.report;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.Format;
import org.ftcbench.analysis.Notice;
import org.ftcbench.analysis.RunOverview;
import org.ftcbench.analysis.RunSummary;

/**
 * The runs on an index page ({@link RunOverview}): first the line saying which run the page shows
 * and why (the front run, and the newer runs that hold less), last the overview of every run as a
 * table per machine, newest first: profile, start, status, what each stage holds, notices, pages.
 */
final class RunsSection {
  private RunsSection() {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The overview's columns, with fixed widths so that the tables of all machines line up. */
  private static final String COLUMNS;

  static {
    String[][] columns = {
      {"run", "15"}, {"profile", "6"}, {"started", "9"}, {"status", "7"}, {"certified", "8"},
      {"trained", "8"}, {"kernels", "15"}, {"experiments", "13"}, {"notices", "10"}, {"pages", "9"}
    };
    StringBuilder cols = new StringBuilder("<colgroup>");
    StringBuilder head = new StringBuilder("<thead><tr>");
    for (String[] c : columns) {
      cols.append("<col style=\"width: ").append(c[1]).append("%\">");
      head.append("<th>").append(c[0]).append("</th>");
    }
    COLUMNS = cols.append("</colgroup>\n") + head.append("</tr></thead>\n").toString();
  }

  /** Which run this page shows and why; "" when the report has one run. */
  static String frontLine(Path runDir, PageContext ctx) {
    RunOverview o = ctx.overview();
    if (o == null || o.runs().size() < 2) {
      return "";
    }
    RunSummary front = o.front();
    StringBuilder b = new StringBuilder("<p class=\"front\" id=\"front-run\">");
    if (front.dir().equals(runDir)) {
      b.append("This page shows run ")
          .append(name(front))
          .append(described(front))
          .append(", ")
          .append(Html.esc(o.reason()))
          .append(".");
      List<RunSummary> newer = o.newerThanFront();
      if (!newer.isEmpty()) {
        b.append(" Newer runs exist but hold less: ");
        List<String> items = new ArrayList<>();
        for (RunSummary s : newer) {
          items.add(runLink(s, ctx) + " (" + Html.esc(s.status().label()) + ")");
        }
        b.append(String.join(", ", items)).append(".");
      }
    } else {
      o.runs().stream()
          .filter(s -> s.dir().equals(runDir))
          .findFirst()
          .ifPresent(
              s ->
                  b.append("This page shows run ")
                      .append(name(s))
                      .append(" (")
                      .append(Html.esc(s.status().label()))
                      .append("). "));
      b.append("The front page shows ")
          .append(runLink(front, ctx))
          .append(", ")
          .append(Html.esc(o.reason()))
          .append(".");
    }
    b.append(" All ")
        .append(o.runs().size())
        .append(" runs are listed in the <a href=\"#runs\">overview</a> below.</p>\n");
    return b.toString();
  }

  /** Every run, a table per machine, and the latest comparison. */
  static String overview(Path runDir, PageContext ctx) {
    StringBuilder b = new StringBuilder("<h2 id=\"runs\">All runs</h2>\n");
    if (ctx.comparison() != null) {
      b.append("<p id=\"latest-comparison\">Latest comparison: ")
          .append(Html.link(ctx.comparison().href(), ctx.comparison().text()))
          .append(" (written by <code>ftc-bench compare RUN_A RUN_B</code>).</p>\n");
    } else {
      b.append(
          "<p id=\"latest-comparison\">No comparison yet: <code>ftc-bench compare RUN_A"
              + " RUN_B</code> writes one and the next report links it here.</p>\n");
    }
    RunOverview o = ctx.overview();
    if (o == null) {
      return b.toString();
    }
    b.append("<div id=\"run-history\">\n");
    for (Map.Entry<String, List<RunSummary>> e : o.byMachine().entrySet()) {
      List<RunSummary> runs = e.getValue();
      b.append("<h3 class=\"machine\">")
          .append(Html.esc(e.getKey().isEmpty() ? "(unknown machine)" : e.getKey()))
          .append(" — ")
          .append(runs.size())
          .append(runs.size() == 1 ? " run" : " runs")
          .append("</h3>\n");
      b.append("<table class=\"runs\">\n").append(COLUMNS).append("<tbody>\n");
      for (RunSummary s : runs) {
        row(b, s, s == o.front(), s.dir().equals(runDir), ctx);
      }
      b.append("</tbody></table>\n");
    }
    b.append("</div>\n");
    return b.toString();
  }

  private static void row(
      StringBuilder b, RunSummary s, boolean front, boolean current, PageContext ctx) {
    String href = ctx.runHref(s);
    b.append("<tr")
        .append(front ? " class=\"front\"" : "")
        .append(" data-run=\"")
        .append(Html.esc(s.runId()))
        .append("\" data-status=\"")
        .append(Html.esc(s.status().label()))
        .append("\">");
    cell(
        b,
        (href == null ? Html.esc(s.runId()) : Html.link(href, s.runId()))
            + (front ? " <strong>front page</strong>" : "")
            + (current && !front ? " <strong>(this page)</strong>" : ""));
    cell(b, s.profile().isEmpty() ? "—" : Html.esc(s.profile()));
    cell(b, s.started().map(DATE::format).orElse("—"));
    cell(
        b,
        "<span class=\"s-"
            + s.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + "\" title=\""
            + Html.esc(s.status().meaning())
            + "\">"
            + Html.esc(s.status().label())
            + "</span>");
    cell(b, nRange(s.certifiedN()));
    cell(b, nRange(s.trainedN()));
    cell(b, kernels(s));
    cell(b, experiments(s));
    cell(b, notices(s.notices()));
    if (href == null) {
      cell(b, "—");
    } else {
      String folder = href.substring(0, href.lastIndexOf('/') + 1);
      cell(
          b,
          Html.link(href, "summary")
              + " · "
              + Html.link(folder + Page.CAPACITY, "capacity")
              + " · "
              + Html.link(folder + Page.KERNELS, "kernels"));
    }
    b.append("</tr>\n");
  }

  private static void cell(StringBuilder b, String html) {
    b.append("<td>").append(html).append("</td>");
  }

  /** "7 N: 10 … 10000", "N = 10", or "—". */
  private static String nRange(List<Integer> ns) {
    if (ns.isEmpty()) {
      return "—";
    }
    if (ns.size() == 1) {
      return "N = " + Format.count(ns.get(0));
    }
    return ns.size()
        + " N: "
        + Format.count(ns.get(0))
        + " … "
        + Format.count(ns.get(ns.size() - 1));
  }

  /** "28 points: TrainStep.step, Gemm.dgemm, … (4 benchmarks)", or "—". */
  private static String kernels(RunSummary s) {
    if (s.kernelPoints() == 0) {
      return "—";
    }
    List<String> names = s.benchmarks();
    String list =
        names.size() <= 3
            ? String.join(", ", names)
            : String.join(", ", names.subList(0, 3)) + ", … (" + names.size() + " benchmarks)";
    return s.kernelPoints() + (s.kernelPoints() == 1 ? " point: " : " points: ") + Html.esc(list);
  }

  private static String experiments(RunSummary s) {
    List<String> parts = new ArrayList<>();
    if (s.fig9()) {
      parts.add("Fig. 9 grid");
    }
    if (!s.kIndependenceN().isEmpty()) {
      List<String> ns = s.kIndependenceN().stream().map(Format::count).toList();
      parts.add("K-independence at N = " + String.join(", ", ns));
    }
    return parts.isEmpty() ? "—" : Html.esc(String.join("; ", parts));
  }

  private static String notices(List<Notice> notices) {
    if (notices.isEmpty()) {
      return "none";
    }
    StringBuilder b =
        new StringBuilder("<details><summary>")
            .append(notices.size())
            .append(notices.size() == 1 ? " notice" : " notices")
            .append("</summary><ul>");
    for (Notice n : notices) {
      b.append("<li>").append(Html.esc(n.oneLine())).append("</li>");
    }
    return b.append("</ul></details>").toString();
  }

  /** " (profile quick, started 2026-11-26 23:57 UTC)", or "". */
  private static String described(RunSummary s) {
    List<String> parts = new ArrayList<>();
    if (!s.profile().isEmpty()) {
      parts.add("profile " + s.profile());
    }
    s.started().ifPresent(t -> parts.add("started " + DATE.format(t)));
    return parts.isEmpty() ? "" : " (" + Html.esc(String.join(", ", parts)) + ")";
  }

  /** "<code>machine / run</code>". */
  private static String name(RunSummary s) {
    return "<code>" + Html.esc(s.machine() + " / " + s.runId()) + "</code>";
  }

  private static String runLink(RunSummary s, PageContext ctx) {
    String href = ctx.runHref(s);
    String text = s.machine() + " / " + s.runId();
    return href == null ? "<code>" + Html.esc(text) + "</code>" : Html.link(href, text);
  }
}
