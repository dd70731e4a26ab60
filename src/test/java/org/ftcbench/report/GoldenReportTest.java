package org.ftcbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.compare.Calibration;
import org.ftcbench.compare.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers the report shows, pinned: a fixed set of real run folders (a quick run with certified
 * and trained widths and kernels, and an interleaved BLAS A/B pair with the machine's A/A
 * calibration, under src/test/resources/golden/results) is reported, every page is opened in
 * headless Chromium, and what the reader sees is read back from the browser: each figure's numbers
 * (plotly's own {@code gd.data}, so it does not matter how the figure was written) and the text of
 * every table cell. That digest must equal {@code golden/report-numbers.txt}.
 *
 * <p>Figures are compared as sets of values per axis, rounded to ten significant digits: an
 * interval drawn as a band (a polygon through its bounds) and one drawn as native error bars (y ±
 * error) give the same values, and a number written as a JSON number or as a string ("10.0", as
 * tablesaw-jsplot writes x and y) is the same value, so the way a figure is drawn may change and
 * its numbers may not.
 *
 * <p>To record a new digest after a deliberate change of numbers, run with {@code
 * -Dgolden.update=true} and say in the commit which numbers changed and why.
 */
class GoldenReportTest {
  static final Path FIXTURE = Path.of("src/test/resources/golden/results");
  static final Path GOLDEN = Path.of("src/test/resources/golden/report-numbers.txt");
  static final String MACHINE = "vm-amd-epyc";

  /** Reads every figure's traces and every table's cells once the page has drawn. */
  static final String DUMP_SCRIPT =
      "<script>window.addEventListener('load',function(){setTimeout(function(){"
          + "var figs=[];document.querySelectorAll('.js-plotly-plot').forEach(function(gd){"
          + "var t=gd.layout&&gd.layout.title;"
          + "figs.push({title:(t&&(t.text!==undefined?t.text:t))||'',"
          + "traces:(gd.data||[]).map(function(d){return {x:d.x||[],y:d.y||[],"
          + "z:d.z||[],ey:d.error_y||null,ex:d.error_x||null};})});});"
          + "var tables=[];document.querySelectorAll('table').forEach(function(tb){var rows=[];"
          + "tb.querySelectorAll('tr').forEach(function(tr){rows.push(Array.from(tr.children)"
          + ".map(function(c){return c.textContent.replace(/\\s+/g,' ').trim();}));});"
          + "tables.push(rows);});"
          + "var pre=document.createElement('pre');pre.id='golden-dump';"
          + "pre.textContent=JSON.stringify({figures:figs,tables:tables});"
          + "document.body.appendChild(pre);},0);});</script>";

  @TempDir Path tmp;

  @Test
  void theReportShowsTheSameNumbers() throws Exception {
    BrowserTest.requireChromium();
    Path results = tmp.resolve("results");
    copy(FIXTURE, results);
    Path machine = results.resolve(MACHINE);
    Path quick = machine.resolve("20261207T074433Z");
    Path auto = machine.resolve("20261207T081026Z-auto");
    Path system = machine.resolve("20261207T081026Z-system");
    Path out = tmp.resolve("reports");
    List<Path> runs = List.of(quick, auto, system);
    ReportWriter.write(runs, List.of(quick), out, FitSettings.defaults());
    Comparison c =
        Comparison.of(
            auto,
            system,
            Comparison.DEFAULT_NOISE_FLOOR,
            List.of(Calibration.read(machine.resolve(Calibration.FILE))));
    ComparisonWriter.write(
        c,
        Analysis.of(RunLoader.load(auto), FitSettings.defaults()),
        Analysis.of(RunLoader.load(system), FitSettings.defaults()),
        out);

    String digest = digest(out).replace(tmp.toString(), "<tmp>");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, digest, StandardCharsets.UTF_8);
      System.err.println("golden digest written to " + GOLDEN);
    }
    assertThat(digest)
        .as("numbers shown by the report (run with -Dgolden.update=true to re-record)")
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  /** Every HTML page under {@code out}, in path order, as figures and tables. */
  static String digest(Path out) throws Exception {
    List<Path> pages;
    try (Stream<Path> s = Files.walk(out)) {
      pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).as("pages written").isNotEmpty();
    StringBuilder sb = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (Path page : pages) {
      Path probe = page.resolveSibling(".golden-" + page.getFileName());
      Files.writeString(
          probe,
          Files.readString(page, StandardCharsets.UTF_8)
              .replace("</body>", DUMP_SCRIPT + "</body>"),
          StandardCharsets.UTF_8);
      String dom = BrowserTest.chromium(probe, "--dump-dom");
      Files.delete(probe);
      String start = "<pre id=\"golden-dump\">";
      int i = dom.indexOf(start);
      assertThat(i).as(out.relativize(page) + ": the dump script ran").isGreaterThanOrEqualTo(0);
      String text = unescape(dom.substring(i + start.length(), dom.indexOf("</pre>", i)));
      sb.append("== page ").append(out.relativize(page)).append('\n');
      describe(json.readTree(text), sb);
    }
    return sb.toString();
  }

  /**
   * Figures sorted by title, each as the sets of its x, y (and heatmap z) values; then tables as
   * rows.
   */
  static void describe(JsonNode dump, StringBuilder sb) {
    TreeMap<String, String> figures = new TreeMap<>();
    for (JsonNode f : dump.get("figures")) {
      TreeSet<String> xs = new TreeSet<>();
      TreeSet<String> ys = new TreeSet<>();
      TreeSet<String> zs = new TreeSet<>();
      for (JsonNode t : f.get("traces")) {
        values(t.get("x"), t.get("ex"), xs);
        values(t.get("y"), t.get("ey"), ys);
        for (JsonNode row : t.get("z")) {
          values(row.isArray() ? row : t.get("z"), null, zs);
        }
      }
      String key = f.get("title").asText();
      while (figures.containsKey(key)) {
        key += " (again)";
      }
      figures.put(
          key,
          "  x: "
              + String.join(" ", xs)
              + "\n  y: "
              + String.join(" ", ys)
              + (zs.isEmpty() ? "" : "\n  z: " + String.join(" ", zs))
              + "\n");
    }
    figures.forEach(
        (title, values) -> sb.append("figure ").append(title).append('\n').append(values));
    int n = 0;
    for (JsonNode table : dump.get("tables")) {
      sb.append("table ").append(++n).append('\n');
      for (JsonNode row : table) {
        List<String> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.asText()));
        sb.append("  | ").append(String.join(" | ", cells)).append('\n');
      }
    }
  }

  /**
   * An axis's values: the points, and where native error bars are drawn, the interval's ends (the
   * numbers a band would hold).
   */
  static void values(JsonNode v, JsonNode error, TreeSet<String> into) {
    if (v == null) {
      return;
    }
    JsonNode plus = error == null || error.isNull() ? null : error.get("array");
    JsonNode minus = error == null || error.isNull() ? null : error.get("arrayminus");
    if (minus == null || minus.isNull()) {
      minus = plus;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode x = v.get(i);
      if (x.isNumber()) {
        into.add(round(x.asDouble()));
        if (plus != null && !plus.isNull() && i < plus.size() && plus.get(i).isNumber()) {
          into.add(round(x.asDouble() + plus.get(i).asDouble()));
          into.add(round(x.asDouble() - minus.get(i).asDouble()));
        }
      } else if (!x.isNull()) {
        into.add(isNumber(x.asText()) ? round(Double.parseDouble(x.asText())) : x.asText());
      }
    }
  }

  static String round(double d) {
    return String.format(Locale.ROOT, "%.10g", d);
  }

  /** A finite number written as text ("10.0", "1.5E-4"); plotly reads it as that number. */
  static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
