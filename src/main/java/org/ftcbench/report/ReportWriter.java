package org.ftcbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.analysis.RunOverview;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;

/**
 * Writes the report of some runs under an output folder — the one place where files are written:
 *
 * <pre>
 * OUT/index.html, capacity.html, kernels.html    the front run ({@link RunOverview})
 * OUT/runs/&lt;machine&gt;/&lt;run&gt;/*.html              every run, when there are several
 * OUT/data/&lt;machine&gt;/&lt;run&gt;/*.csv, *.json        copies of the run files the pages link
 * OUT/assets/plotly-&lt;version&gt;.min.js              plotly.js, written once
 * </pre>
 *
 * The index leads with the front run, the newest with the scaling results (certified and trained
 * widths), lists every run reported in an overview grouped by machine, and links the latest
 * comparison page that {@code compare} recorded under OUT/compare/ ({@link
 * ComparisonWriter#latest}).
 *
 * <p>Every link is relative and stays inside OUT (the run files are copied in, {@link SiteData}),
 * and every file is written readable by all (0644 under the usual umask, {@link AtomicFiles}), so
 * the folder is a site that can be served, copied or archived as it is.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** What was written. */
  public record Written(Path index, List<RunData> runs) {}

  static final List<String> LINKED =
      List.of(
          RunFolder.ENV,
          RunFolder.CERTIFY,
          RunFolder.CAPACITY,
          RunFolder.CELLS,
          RunFolder.JMH,
          RunFolder.FLOPS,
          RunFolder.FAILURES);

  /** Run files that a complete run may lack: the index lists them only when they exist. */
  static final List<String> OPTIONAL = List.of(RunFolder.FLOPS, RunFolder.FAILURES);

  public static Written write(List<Path> runDirs, Path out, FitSettings settings) {
    return write(runDirs, List.of(), out, settings);
  }

  /**
   * The report of {@code runDirs}; the front page's run is chosen among {@code named} (the run
   * folders the user named) when any is reported, else among all ({@link RunOverview#of}).
   */
  public static Written write(
      List<Path> runDirs, Collection<Path> named, Path out, FitSettings settings) {
    List<RunData> runs = new ArrayList<>(runDirs.stream().map(RunLoader::load).toList());
    runs.sort(Comparator.comparing(RunData::runId).thenComparing(r -> r.dir().toString()));
    RunOverview overview = RunOverview.of(runs, named);
    RunData front =
        runs.stream().filter(r -> r.dir().equals(overview.front().dir())).findFirst().orElseThrow();
    Path assets = out.resolve("assets");
    Path plotly = assets.resolve(PlotlyAsset.fileName());
    writeAssetOnce(plotly);
    Optional<ComparisonWriter.Latest> latest = ComparisonWriter.latest(out);

    Map<RunData, Path> runPages = new LinkedHashMap<>();
    if (runs.size() > 1) {
      for (RunData r : runs) {
        runPages.put(r, out.resolve("runs").resolve(safe(r.machine())).resolve(safe(r.runId())));
      }
    }
    for (RunData r : runs) {
      Analysis a = Analysis.of(r, settings);
      List<Path> dirs = new ArrayList<>();
      if (runPages.containsKey(r)) {
        dirs.add(runPages.get(r));
      }
      if (r == front) {
        dirs.add(out);
      }
      for (Path pageDir : dirs) {
        Map<Path, String> links = new LinkedHashMap<>();
        for (RunData other : runs) {
          Path target =
              other == front ? out.resolve(Page.INDEX) : runPages.get(other).resolve(Page.INDEX);
          links.put(other.dir(), href(pageDir, target));
        }
        PageContext.ComparisonLink comparison =
            latest
                .map(
                    l ->
                        new PageContext.ComparisonLink(
                            l.labelB() + " against " + l.labelA(), href(pageDir, l.page())))
                .orElse(null);
        Map<String, String> files = SiteData.links(out, r, pageDir, LINKED);
        PageContext ctx =
            new PageContext(href(pageDir, plotly), files, overview, links, comparison);
        Report.pages(a, ctx)
            .forEach((name, html) -> AtomicFiles.writeString(pageDir.resolve(name), html));
      }
    }
    return new Written(out.resolve(Page.INDEX), runs);
  }

  static void writeAssetOnce(Path plotly) {
    byte[] bytes = PlotlyAsset.bytes();
    try {
      if (Files.isRegularFile(plotly) && Files.size(plotly) == bytes.length) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeBytes(plotly, bytes);
  }

  /** A relative, URL-encoded link from a page folder to a file. */
  static String href(Path fromDir, Path target) {
    Path rel = fromDir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
    List<String> parts = new ArrayList<>();
    for (Path p : rel) {
      try {
        parts.add(new URI(null, null, p.toString(), null).getRawPath());
      } catch (URISyntaxException e) {
        parts.add(p.toString());
      }
    }
    return String.join("/", parts);
  }

  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
    return s.isEmpty() ? "run" : s;
  }
}
