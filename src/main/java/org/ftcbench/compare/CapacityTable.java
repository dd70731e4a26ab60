package org.ftcbench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftcbench.analysis.SampleSpread;
import org.ftcbench.results.Csv;
import org.ftcbench.results.RunFolder;

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

  /** The m_min over seeds per key; empty when the run has no capacity.csv. */
  public static Map<Key, Double> load(Path folder) {
    Path file = folder.resolve(RunFolder.CAPACITY);
    Map<Key, List<Double>> seeds = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return new TreeMap<>();
    }
    if (lines.isEmpty()) {
      return new TreeMap<>();
    }
    List<String> header = Csv.parse(lines.get(0));
    int depth = header.indexOf("depth");
    int n = header.indexOf("N");
    int k = header.indexOf("K");
    int crit = header.indexOf("criterion");
    int m = header.indexOf("m_min");
    if (depth < 0 || n < 0 || k < 0 || crit < 0 || m < 0) {
      return new TreeMap<>();
    }
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.parse(line);
      if (f.size() < header.size()) {
        continue; // a torn line
      }
      try {
        Key key =
            new Key(
                Integer.parseInt(f.get(depth)),
                Integer.parseInt(f.get(n)),
                Integer.parseInt(f.get(k)),
                f.get(crit));
        double v = f.get(m).isEmpty() ? Double.NaN : Double.parseDouble(f.get(m));
        if (!Double.isNaN(v)) {
          seeds.computeIfAbsent(key, x -> new ArrayList<>()).add(v);
        }
      } catch (NumberFormatException e) {
        // skip a malformed row; the report names broken files
      }
    }
    Map<Key, Double> out = new TreeMap<>();
    seeds.forEach(
        (key, s) -> out.put(key, SampleSpread.centre(s.stream().mapToDouble(d -> d).toArray())));
    return out;
  }
}
