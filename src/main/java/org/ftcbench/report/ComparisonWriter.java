package org.ftcbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.RunData;
import org.ftcbench.compare.Comparison;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;

/**
 * Writes a comparison page under the report folder and records it as the latest comparison, which
 * the report's index links:
 *
 * <pre>
 * OUT/compare/&lt;machineA&gt;_&lt;runA&gt;__vs__&lt;machineB&gt;_&lt;runB&gt;.html
 * OUT/compare/latest.json     {"run_a": …, "run_b": …, "page": "….html", …}
 * OUT/assets/plotly-&lt;version&gt;.min.js  shared with the run pages
 * OUT/data/&lt;machine&gt;/&lt;run&gt;/…     the run files it links, shared with the run pages
 * </pre>
 */
public final class ComparisonWriter {
  private ComparisonWriter() {}

  /** The folder of the comparison pages inside the report folder. */
  public static final String FOLDER = "compare";

  /** The record of the latest comparison, beside the pages. */
  public static final String LATEST = "latest.json";

  static final String FORMAT = "ftc-comparison/1";

  /** What was written. */
  public record Written(Path page, Path latest) {}

  /**
   * The latest comparison as recorded.
   *
   * @param runA run A's folder
   * @param runB run B's folder
   * @param labelA "machine / run" of A
   * @param labelB "machine / run" of B
   * @param page the page
   */
  public record Latest(Path runA, Path runB, String labelA, String labelB, Path page) {}

  public static Written write(Comparison c, Analysis a, Analysis b, Path out) {
    Path dir = out.resolve(FOLDER);
    Path plotly = out.resolve("assets").resolve(PlotlyAsset.fileName());
    ReportWriter.writeAssetOnce(plotly);
    Path page = dir.resolve(fileName(a.run(), b.run()));
    Path index = out.resolve(Page.INDEX);
    ComparisonContext ctx =
        new ComparisonContext(
            ReportWriter.href(dir, plotly),
            Files.isRegularFile(index) ? ReportWriter.href(dir, index) : null,
            files(out, dir, a.run()),
            files(out, dir, b.run()));
    AtomicFiles.writeString(page, ComparisonPage.render(c, a, b, ctx));
    Map<String, Object> latest = new LinkedHashMap<>();
    latest.put("format", FORMAT);
    latest.put("run_a", abs(c.runA()).toString());
    latest.put("run_b", abs(c.runB()).toString());
    latest.put("label_a", a.run().label());
    latest.put("label_b", b.run().label());
    latest.put("page", page.getFileName().toString());
    Map<String, Long> counts = new LinkedHashMap<>();
    c.counts().forEach((label, n) -> counts.put(label.word(), n));
    latest.put("counts", counts);
    latest.put("only_in_a", c.onlyInA().size());
    latest.put("only_in_b", c.onlyInB().size());
    Path latestFile = dir.resolve(LATEST);
    AtomicFiles.writeJson(latestFile, latest);
    return new Written(page, latestFile);
  }

  /**
   * The latest comparison under {@code out}, if its record parses and its page exists; a missing or
   * broken record is no comparison (the index then shows none).
   */
  public static Optional<Latest> latest(Path out) {
    Path dir = out.resolve(FOLDER);
    Path file = dir.resolve(LATEST);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        return Optional.empty();
      }
      String name = root.path("page").asText("");
      Path page = dir.resolve(name).normalize();
      if (name.isEmpty() || !page.startsWith(dir.normalize()) || !Files.isRegularFile(page)) {
        return Optional.empty();
      }
      return Optional.of(
          new Latest(
              Path.of(root.path("run_a").asText("")),
              Path.of(root.path("run_b").asText("")),
              root.path("label_a").asText(""),
              root.path("label_b").asText(""),
              page));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** "machineA_runA__vs__machineB_runB.html", file-safe. */
  static String fileName(RunData a, RunData b) {
    return ReportWriter.safe(a.machine() + "_" + a.runId())
        + "__vs__"
        + ReportWriter.safe(b.machine() + "_" + b.runId())
        + ".html";
  }

  /** The run's files (cells.csv aside) copied into the site, linked from the page's folder. */
  private static Map<String, String> files(Path out, Path fromDir, RunData r) {
    List<String> linked = new ArrayList<>(ReportWriter.LINKED);
    linked.remove(RunFolder.CELLS);
    return SiteData.links(out, r, fromDir, linked);
  }

  private static Path abs(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
