package org.ftcbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A figure as plotly.js's own {@code {data, layout}} JSON (plotly.com/javascript/reference),
 * written with Jackson and drawn by {@code Plotly.newPlot}: error bars, legends, colour scales and
 * tick labels are plotly attributes, set here, not JavaScript run after the plot is drawn. The
 * traces come from {@link Traces}, the layouts from {@link Layouts}.
 *
 * @param data the traces, in drawing order
 * @param layout the layout
 */
record PlotlyFigure(ArrayNode data, ObjectNode layout) {
  static final ObjectMapper JSON = new ObjectMapper();

  static PlotlyFigure of(ObjectNode layout, List<ObjectNode> traces) {
    ArrayNode data = JSON.createArrayNode();
    traces.forEach(data::add);
    return new PlotlyFigure(data, layout);
  }

  /** The figure as JSON that can stand inside a {@code <script>} element. */
  String json() {
    ObjectNode figure = JSON.createObjectNode();
    figure.set("data", data);
    figure.set("layout", layout);
    try {
      // "</script>" inside a name would end the script element
      return JSON.writeValueAsString(figure).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
