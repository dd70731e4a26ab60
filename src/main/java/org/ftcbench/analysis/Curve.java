package org.ftcbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of an experiment's figure: y against x (N/K, cluster spread σ, input dimension d), one
 * sample per seed at each x, and the line as drawn ({@link SampleSpread}: the geometric mean over
 * seeds and their range).
 *
 * @param name what the line holds, e.g. "trained, depth 3, paper"
 * @param depth the adapter depth, 0 when none
 * @param group what the curve shares with others of one colour (a data family), "" for none
 * @param source the run file it comes from
 * @param byX x → the samples
 * @param spread the line as drawn
 */
public record Curve(
    String name,
    int depth,
    String group,
    String source,
    SortedMap<Double, double[]> byX,
    SampleSpread spread) {

  /** One sample of the curve {@code curve}. */
  record Sample(String curve, int depth, String group, double x, double y) {
    Sample(String curve, int depth, double x, double y) {
      this(curve, depth, "", x, y);
    }
  }

  /**
   * The samples as curves, by name in first-seen order; {@code positiveOnly} for log axes (x and y
   * ≤ 0 left out of the drawn line).
   */
  static List<Curve> of(List<Sample> samples, String source, boolean positiveOnly) {
    Map<String, SortedMap<Double, List<Double>>> by = new LinkedHashMap<>();
    Map<String, Sample> first = new LinkedHashMap<>();
    for (Sample s : samples) {
      by.computeIfAbsent(s.curve(), c -> new TreeMap<>())
          .computeIfAbsent(s.x(), x -> new ArrayList<>())
          .add(s.y());
      first.putIfAbsent(s.curve(), s);
    }
    List<Curve> out = new ArrayList<>();
    by.forEach(
        (name, points) -> {
          SortedMap<Double, double[]> byX = new TreeMap<>();
          points.forEach(
              (x, ys) -> byX.put(x, ys.stream().mapToDouble(Double::doubleValue).toArray()));
          Sample f = first.get(name);
          out.add(
              new Curve(
                  name, f.depth(), f.group(), source, byX, SampleSpread.of(byX, positiveOnly)));
        });
    return out;
  }
}
