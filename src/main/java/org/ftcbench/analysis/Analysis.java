package org.ftcbench.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * A run and the power-law fits of all its series: everything the report shows, computed from the
 * result files alone.
 *
 * @param settings how the fits were made, for the pages that fit their own series (the N/K,
 *     data-shape and LoRA experiments)
 */
public record Analysis(RunData run, FitSettings settings, List<SeriesFit> fits) {
  public Analysis {
    fits = List.copyOf(fits);
  }

  /** Fits every series of the run. */
  public static Analysis of(RunData run, FitSettings settings) {
    List<SeriesFit> fits =
        SeriesBuilder.all(run).stream()
            .map(s -> new SeriesFit(s, PowerLaw.fit(s.samples(), settings)))
            .toList();
    return new Analysis(run, settings, fits);
  }

  /**
   * The kernel fits by benchmark (jmh.json's benchmark of each series: e.g. "TrainStep.step" for
   * its every parameter set), benchmarks and series in file order.
   */
  public Map<String, List<SeriesFit>> kernelsByBenchmark() {
    Map<String, String> benchmarkOf = new HashMap<>();
    run.jmh()
        .ifPresent(
            j -> {
              Table t = j.table();
              for (int i = 0; i < t.rowCount(); i++) {
                benchmarkOf.putIfAbsent(
                    t.stringColumn(Columns.SERIES).get(i),
                    t.stringColumn(Columns.BENCHMARK).get(i));
              }
            });
    return of(ScalingSeries.Kind.KERNEL).stream()
        .collect(
            Collectors.groupingBy(
                f -> benchmarkOf.getOrDefault(f.series().title(), f.series().title()),
                LinkedHashMap::new,
                Collectors.toList()));
  }

  /** The fits of one kind. */
  public List<SeriesFit> of(ScalingSeries.Kind kind) {
    return fits.stream().filter(f -> f.series().kind() == kind).toList();
  }
}
