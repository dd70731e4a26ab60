package org.ftcbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftcbench.analysis.Analysis;
import org.ftcbench.analysis.FitSettings;
import org.ftcbench.analysis.RunData;
import org.ftcbench.analysis.RunLoader;
import org.ftcbench.results.AtomicFiles;
import org.ftcbench.results.RunFolder;

/**
 * Writes the report of some runs under an output folder — the one place where files are written:
 *
 * <pre>
 * OUT/index.html, capacity.html, kernels.html    the newest run (by run id)
 * OUT/runs/&lt;machine&gt;/&lt;run&gt;/*.html              every run, when there are several
 * OUT/data/&lt;machine&gt;/&lt;run&gt;/*.csv, *.json        copies of the run files the pages link
 * OUT/assets/plotly-&lt;version&gt;.min.js              plotly.js, written once
 * </pre>
 *
 * The index lists every run reported, grouped by machine, and links the latest comparison page that
 * {@code compare} recorded under OUT/compare/ ({@link ComparisonWriter#latest}).
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
          RunLoader.FAILURES);

  public static Written write(List<Path> runDirs, Path out, FitSettings settings) {
    List<RunData> runs = new ArrayList<>(runDirs.stream().map(RunLoader::load).toList());
    runs.sort(Comparator.comparing(RunData::runId).thenComparing(r -> r.dir().toString()));
    RunData newest = runs.get(runs.size() - 1);
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
      if (r == newest) {
        dirs.add(out);
      }
      for (Path pageDir : dirs) {
        List<PageContext.RunLink> links = new ArrayList<>();
        for (RunData other : runs) {
          Path target =
              other == newest ? out.resolve(Page.INDEX) : runPages.get(other).resolve(Page.INDEX);
          links.add(
              new PageContext.RunLink(
                  other.machine(),
                  other.runId(),
                  detail(other),
                  href(pageDir, target),
                  other == r));
        }
        PageContext.ComparisonLink comparison =
            latest
                .map(
                    l ->
                        new PageContext.ComparisonLink(
                            l.labelB() + " against " + l.labelA(), href(pageDir, l.page())))
                .orElse(null);
        Map<String, String> files = SiteData.links(out, r, pageDir, LINKED);
        PageContext ctx = new PageContext(href(pageDir, plotly), files, links, comparison);
        Report.pages(a, ctx)
            .forEach((name, html) -> AtomicFiles.writeString(pageDir.resolve(name), html));
      }
    }
    return new Written(out.resolve(Page.INDEX), runs);
  }

  /** "profile quick, started 2026-11-26T23:57:48Z" from env.json, or "". */
  private static String detail(RunData r) {
    List<String> parts = new ArrayList<>();
    if (r.env().containsKey("profile")) {
      parts.add("profile " + r.env().get("profile"));
    }
    if (r.env().containsKey("start")) {
      parts.add("started " + r.env().get("start"));
    }
    if (!r.notices().isEmpty()) {
      parts.add(r.notices().size() + (r.notices().size() == 1 ? " notice" : " notices"));
    }
    return String.join(", ", parts);
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
