package org.ftcbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.RunData;
import org.ftcbench.results.AtomicFiles;

/**
 * The run files the pages link ("Data" under each figure, the run's file list), copied into the
 * report folder, OUT/data/&lt;machine&gt;/&lt;run&gt;/&lt;file&gt;, so that the folder is a
 * self-contained site: copied to a web server, a static-pages host or an archive, every link still
 * resolves (a link out to ../benchmarks/results would not). A file is copied again only when the
 * run's file changed.
 */
final class SiteData {
  /** The folder of the copies inside the report folder. */
  static final String FOLDER = "data";

  private SiteData() {}

  /**
   * Copies those of {@code files} that the run has into the site under {@code out}, and returns
   * file name → link from a page in {@code pageDir}.
   */
  static Map<String, String> links(Path out, RunData run, Path pageDir, List<String> files) {
    Path dir =
        out.resolve(FOLDER)
            .resolve(ReportWriter.safe(run.machine()))
            .resolve(ReportWriter.safe(run.runId()));
    Map<String, String> links = new LinkedHashMap<>();
    for (String f : files) {
      Path source = run.dir().resolve(f);
      if (!Files.isRegularFile(source)) {
        continue;
      }
      Path copy = dir.resolve(f);
      copyIfChanged(source, copy);
      links.put(f, ReportWriter.href(pageDir, copy));
    }
    return links;
  }

  private static void copyIfChanged(Path source, Path copy) {
    try {
      if (Files.isRegularFile(copy)
          && Files.size(copy) == Files.size(source)
          && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(source))) {
        return;
      }
      AtomicFiles.copy(source, copy);
      Files.setLastModifiedTime(copy, Files.getLastModifiedTime(source));
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy " + source + " into the report", e);
    }
  }
}
