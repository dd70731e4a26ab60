package org.ftcbench.compare;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ftcbench.results.ResultFiles;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A run's trained minimum widths (capacity.csv), averaged over seeds: (depth, N, K, criterion) →
 * mean m_min. Cells where no width passed (empty or NaN m_min) are left out of the mean.
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

  /**
   * Mean m_min per key; empty when the run has no usable capacity.csv. Rows that do not parse are
   * left out here; the report names broken files.
   */
  public static Map<Key, Double> load(Path folder) {
    Map<Key, double[]> sums = new TreeMap<>();
    Table t = ResultFiles.CAPACITY.read(folder, problem -> {}).orElse(null);
    if (t == null) {
      return new TreeMap<>();
    }
    for (Row r : t) {
      if (Stream.of(ResultFiles.DEPTH, ResultFiles.N, ResultFiles.K, ResultFiles.M_MIN)
          .anyMatch(r::isMissing)) {
        continue; // no width passed, or a row without its key
      }
      Key key =
          new Key(
              r.getInt(ResultFiles.DEPTH),
              r.getInt(ResultFiles.N),
              r.getInt(ResultFiles.K),
              r.getString(ResultFiles.CRITERION));
      double[] s = sums.computeIfAbsent(key, x -> new double[2]);
      s[0] += r.getDouble(ResultFiles.M_MIN);
      s[1]++;
    }
    Map<Key, Double> out = new TreeMap<>();
    sums.forEach((key, s) -> out.put(key, s[0] / s[1]));
    return out;
  }
}
