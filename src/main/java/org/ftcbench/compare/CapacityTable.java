package org.ftcbench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ftcbench.analysis.SampleSpread;
import org.ftcbench.results.ResultFiles;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A run's trained minimum widths (capacity.csv), summarised over seeds: (depth, N, K, criterion) →
 * the geometric mean of m_min ({@link SampleSpread#centre}, the one summary over seeds). Cells
 * where no width passed (empty or NaN m_min) are left out.
 */
public final class CapacityTable {
  /** The key of one row of the side-by-side table. */
  public record Key(int depth, int n, int k, String criterion) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = criterion.compareTo(o.criterion);
      if (c == 0) c = Integer.compare(depth, o.depth);
      if (c == 0) c = Integer.compare(n, o.n);
      if (c == 0) c = Integer.compare(k, o.k);
      return c;
    }
  }

  private CapacityTable() {}

  /** Gaussian inputs and the additive adapter (files without those columns hold only them). */
  private static boolean paperSetting(Table t, Row r) {
    return (!t.containsColumn(ResultFiles.ADAPTER)
            || ResultFiles.ADDITIVE.equals(r.getString(ResultFiles.ADAPTER)))
        && (!t.containsColumn(ResultFiles.DATA)
            || ResultFiles.GAUSSIAN.equals(r.getString(ResultFiles.DATA)));
  }

  /**
   * The m_min over seeds per key; empty when the run has no usable capacity.csv. Rows that do not
   * parse are left out here; the report names broken files.
   */
  public static Map<Key, Double> load(Path folder) {
    Map<Key, List<Double>> seeds = new TreeMap<>();
    Table t = ResultFiles.CAPACITY.read(folder, problem -> {}).orElse(null);
    if (t == null) {
      return new TreeMap<>();
    }
    for (Row r : t) {
      if (Stream.of(ResultFiles.DEPTH, ResultFiles.N, ResultFiles.K, ResultFiles.M_MIN)
          .anyMatch(r::isMissing)) {
        continue; // no width passed, or a row without its key
      }
      if (!paperSetting(t, r)) {
        continue; // LoRA or another data family: not the adapter width this table compares
      }
      Key key =
          new Key(
              r.getInt(ResultFiles.DEPTH),
              r.getInt(ResultFiles.N),
              r.getInt(ResultFiles.K),
              r.getString(ResultFiles.CRITERION));
      seeds.computeIfAbsent(key, x -> new ArrayList<>()).add(r.getDouble(ResultFiles.M_MIN));
    }
    Map<Key, Double> out = new TreeMap<>();
    seeds.forEach(
        (key, s) -> out.put(key, SampleSpread.centre(s.stream().mapToDouble(d -> d).toArray())));
    return out;
  }
}
