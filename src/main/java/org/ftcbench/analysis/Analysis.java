package org.ftcbench.analysis;

import java.util.List;

/**
 * A run and the power-law fits of all its series: everything the report shows, computed from the
 * result files alone.
 */
public record Analysis(RunData run, List<SeriesFit> fits) {
  public Analysis {
    fits = List.copyOf(fits);
  }

  /** Fits every series of the run. */
  public static Analysis of(RunData run, FitSettings settings) {
    List<SeriesFit> fits =
        SeriesBuilder.all(run).stream()
            .map(s -> new SeriesFit(s, PowerLaw.fit(s.samples(), settings)))
            .toList();
    return new Analysis(run, fits);
  }

  /** The fits of one kind. */
  public List<SeriesFit> of(ScalingSeries.Kind kind) {
    return fits.stream().filter(f -> f.series().kind() == kind).toList();
  }
}
