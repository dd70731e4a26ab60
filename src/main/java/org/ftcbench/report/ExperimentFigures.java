package org.ftcbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ftcbench.analysis.Curve;
import org.ftcbench.analysis.SampleSpread;
import org.ftcbench.results.RunFolder;
import tech.tablesaw.plotly.components.Line;

/**
 * The figures of the two experiment pages ({@link FractionPage}, {@link StructurePage}): curves
 * computed by the analysis ({@link Curve}), drawn as lines through the geometric mean over seeds
 * with the seeds' range as error bars. Curves without a group: colour by depth (shades for the
 * depth's further curves), trained solid, certified dashed. Grouped curves (one data family, one
 * d): a colour per group, depth 2 solid, depth 3 dashed.
 */
final class ExperimentFigures {
  private ExperimentFigures() {}

  /** An x or y axis: its title and whether it is logarithmic. */
  record Axis(String title, boolean log) {}

  /**
   * The curves in one figure, plus any {@code extra} traces (references), or the "not shown" box
   * saying {@code why} when there is no curve.
   */
  static FigureBlock curves(
      String id,
      String title,
      Axis x,
      Axis y,
      List<Curve> curves,
      List<ObjectNode> extra,
      String caption,
      String why) {
    List<ObjectNode> traces = new ArrayList<>();
    Map<Integer, Integer> perDepth = new HashMap<>();
    List<String> groups = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (Curve c : curves) {
      SampleSpread sp = c.spread();
      if (sp.isEmpty()) {
        continue;
      }
      String color;
      Line.Dash dash;
      if (c.group().isEmpty()) {
        color =
            Colors.shade(Colors.depth(c.depth()), perDepth.merge(c.depth(), 1, Integer::sum) - 1);
        dash = c.source().equals(RunFolder.CERTIFY) ? Line.Dash.DASH : Line.Dash.SOLID;
      } else {
        if (!groups.contains(c.group())) {
          groups.add(c.group());
        }
        color = Colors.palette(groups.indexOf(c.group()));
        dash = c.depth() == 3 ? Line.Dash.DASH : Line.Dash.SOLID;
      }
      ObjectNode t = Traces.lineMarkers(sp.n(), sp.centre(), c.name(), color, dash);
      traces.add(Traces.errorY(t, sp.centre(), sp.low(), sp.high(), color));
      if (!files.contains(c.source())) {
        files.add(c.source());
      }
    }
    if (!traces.isEmpty()) {
      traces.addAll(extra);
    }
    ObjectNode layout = Layouts.of(title, x.title(), x.log(), y.title(), y.log());
    return FigureBlock.of(id, title, layout, traces, caption, files, why, 0);
  }
}
