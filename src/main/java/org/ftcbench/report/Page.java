package org.ftcbench.report;

import java.util.ArrayList;
import java.util.List;
import org.ftcbench.analysis.Notice;
import org.ftcbench.analysis.RunData;

/**
 * The shell shared by all pages: head (styles, the JavaScript-error hook, the local plotly.js),
 * navigation, the run's notices, and the rendering of a {@link FigureBlock}.
 */
final class Page {
  private Page() {}

  static final String INDEX = "index.html";
  static final String CAPACITY = "capacity.html";
  static final String KERNELS = "kernels.html";
  static final String FRACTION = "fraction.html";
  static final String STRUCTURE = "structure.html";

  /** The LoRA page, written for runs with LoRA rows only (linked from the summary). */
  static final String LORA = "lora.html";

  private static final String STYLE =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
             max-width: 1180px; padding: 0 16px 40px; color: #222; line-height: 1.45; }
      nav { padding: 10px 0; border-bottom: 1px solid #ddd; margin-bottom: 8px; }
      nav a { margin-right: 18px; font-weight: 600; text-decoration: none; color: #1f4e8c; }
      nav a.here { color: #222; border-bottom: 2px solid #222; }
      h1 { font-size: 1.5em; margin: 12px 0 4px; } h2 { font-size: 1.2em; margin-top: 28px; }
      .sub { color: #555; margin: 0 0 12px; }
      table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.82em; }
      th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .v-linear { background: #e3efff; } .v-square-root { background: #ffe6e0; }
      .v-inconclusive { background: #f3f3f3; } .v-other { background: #fff6d6; }
      .notices { border: 2px solid #d9822b; background: #fff4e5; padding: 8px 14px; margin: 12px 0; }
      .notices h2 { margin: 0 0 4px; font-size: 1.05em; color: #8a4b00; }
      .notices ul { margin: 0; padding-left: 20px; }
      .js-errors { border: 2px solid #c00; background: #fee; padding: 8px 14px; display: none; }
      figure { margin: 18px 0 30px; } figure h3 { margin: 0 0 4px; font-size: 1.05em; }
      figcaption { color: #333; font-size: 0.9em; max-width: 940px; }
      .absent { border: 1px dashed #aaa; padding: 18px; color: #555; background: #fafafa; }
      .plot { min-height: 120px; }
      code { background: #f3f3f3; padding: 0 3px; }
      tr.differs td { background: #fff1c2; } tr.differs td:first-child { font-weight: 600; }
      .l-faster { background: #d9f2d9; } .l-slower { background: #ffd9d4; }
      .l-same { background: #eeeeee; } .l-inconclusive { background: #fff6d6; }
      table.counts td { font-size: 1.15em; padding: 4px 12px; text-align: center; }
      h3.machine { font-size: 1.02em; margin: 14px 0 2px; }
      p.front { background: #eef4fb; border-left: 4px solid #1f4e8c; padding: 6px 12px; }
      table.runs { width: 100%; table-layout: fixed; } table.runs td { overflow-wrap: anywhere; }
      table.runs tr.front td { background: #eef4fb; } table.runs details summary { cursor: pointer; }
      .s-complete { color: #1d6b2a; font-weight: 600; } .s-unfinished, .s-failed { color: #a33; }
      """;

  /** window.onerror → a visible red box and a data attribute the browser test reads. */
  private static final String ERROR_HOOK =
      """
      <script>
      window.ftcErrors = [];
      window.addEventListener('error', function (e) {
        window.ftcErrors.push((e.message || 'error') + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
      }, true);
      window.addEventListener('unhandledrejection', function (e) {
        window.ftcErrors.push('unhandled rejection: ' + e.reason);
      });
      window.addEventListener('load', function () {
        if (typeof Plotly === 'undefined') {
          window.ftcErrors.push('plotly.js did not load: assets/ is missing beside the page');
        }
        document.body.setAttribute('data-js-errors', String(window.ftcErrors.length));
        var box = document.getElementById('js-errors');
        if (box && window.ftcErrors.length > 0) {
          box.style.display = 'block';
          box.textContent = 'This page had JavaScript errors: ' + window.ftcErrors.join(' | ');
        }
      });
      </script>
      """;

  static String render(String title, String here, RunData run, PageContext ctx, String body) {
    StringBuilder nav = new StringBuilder();
    for (String[] p :
        List.of(
            new String[] {INDEX, "Summary"},
            new String[] {CAPACITY, "Capacity"},
            new String[] {KERNELS, "Kernels"},
            new String[] {FRACTION, "N/K"},
            new String[] {STRUCTURE, "Data shape"})) {
      nav.append(navLink(p[0], p[1], p[0].equals(here)));
    }
    if (ctx.comparison() != null) {
      nav.append(navLink(ctx.comparison().href(), "Latest comparison", false));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>")
        .append(Html.esc(title))
        .append("</h1>\n<p class=\"sub\">Run <code>")
        .append(Html.esc(run.label()))
        .append("</code>")
        .append(
            run.env().containsKey("profile")
                ? ", profile <code>" + Html.esc(run.env().get("profile")) + "</code>"
                : "")
        .append(
            run.env().containsKey("start") ? ", started " + Html.esc(run.env().get("start")) : "")
        .append(". Folder: ")
        .append(Html.esc(run.dir().toString()))
        .append("</p>\n")
        .append(notices(run.notices()))
        .append(body);
    return document(title + " — " + run.label(), nav.toString(), ctx.plotlyHref(), sb.toString());
  }

  /**
   * A whole page: head (styles, the JavaScript-error hook, the local plotly.js at {@code
   * plotlyHref}), the navigation links {@code navHtml}, the error box and the body.
   */
  static String document(String title, String navHtml, String plotlyHref, String body) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.esc(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n")
        .append(ERROR_HOOK)
        .append("<script src=\"")
        .append(Html.esc(plotlyHref))
        .append("\"></script>\n</head>\n<body>\n<nav>")
        .append(navHtml)
        .append("</nav>\n<div id=\"js-errors\" class=\"js-errors\"></div>\n")
        .append(body)
        .append("\n</body>\n</html>\n");
    return sb.toString();
  }

  /** One navigation link, marked when it is the page itself. */
  static String navLink(String href, String text, boolean here) {
    return "<a href=\""
        + Html.esc(href)
        + "\""
        + (here ? " class=\"here\"" : "")
        + ">"
        + Html.esc(text)
        + "</a>";
  }

  /** The run's notices as a visible box ("" when there are none). */
  static String notices(List<Notice> notices) {
    if (notices.isEmpty()) {
      return "";
    }
    StringBuilder sb =
        new StringBuilder(
            "<div class=\"notices\" id=\"notices\"><h2>Notices: this run is incomplete or has problems</h2><ul>\n");
    for (Notice n : notices) {
      sb.append("<li>").append(Html.esc(n.oneLine())).append("</li>\n");
    }
    return sb.append("</ul></div>\n").toString();
  }

  /** The figures one after the other. */
  static String figures(PageContext ctx, List<FigureBlock> blocks) {
    StringBuilder sb = new StringBuilder();
    blocks.forEach(b -> sb.append(figure(b, ctx)));
    return sb.toString();
  }

  /** One figure with its caption and source links, or its "not shown" box. */
  static String figure(FigureBlock b, PageContext ctx) {
    StringBuilder sb = new StringBuilder();
    sb.append("<figure id=\"")
        .append(b.id())
        .append("-block\">\n<h3>")
        .append(Html.esc(b.title()))
        .append("</h3>\n");
    if (b.isDrawn()) {
      sb.append("<div id=\"").append(b.id()).append("\" class=\"plot\"></div>\n");
      sb.append("<script>Plotly.newPlot('")
          .append(b.id())
          .append("', ")
          .append(b.plot().json())
          .append(");</script>\n");
    } else {
      sb.append("<div class=\"absent\">Not shown: ")
          .append(Html.esc(b.missing()))
          .append(".</div>\n");
    }
    sb.append("<figcaption>")
        .append(Html.esc(b.caption()))
        .append(sources(b.files(), ctx))
        .append("</figcaption>\n</figure>\n");
    return sb.toString();
  }

  /** " Data: certify.csv, capacity.csv." with links to the files that exist. */
  static String sources(List<String> files, PageContext ctx) {
    List<String> parts = new ArrayList<>();
    for (String f : files) {
      String href = ctx.href(f);
      parts.add(href == null ? Html.esc(f) + " (missing)" : Html.link(href, f));
    }
    return parts.isEmpty() ? "" : " <strong>Data:</strong> " + String.join(", ", parts) + ".";
  }
}
