package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A line chart of values over time, one line per series, drawn in the browser by the {@code aviary-timeseries}
 * web component (uPlot, from npm). A value that is not a finite number is a gap, never a zero. When the data
 * could not be read, the chart shows why instead of lines.
 */
@Tag("aviary-timeseries")
@JavaScript("context://webjars/uplot/" + TimeSeriesChart.UPLOT + "/dist/uPlot.iife.min.js")
@StyleSheet("context://webjars/uplot/" + TimeSeriesChart.UPLOT + "/dist/uPlot.min.css")
@JavaScript("context://components/aviary-timeseries.js")
public class TimeSeriesChart extends Component {

  static final String UPLOT = "1.6.30";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private String data = "";

  public TimeSeriesChart(String title, String unit) {
    getElement().setProperty("chartTitle", title);
    getElement().setProperty("unit", unit);
  }

  /**
   * @param from  where the time axis starts, even when the first value comes later (no data before it)
   * @param lines values per series name, each aligned with {@code times}
   */
  public void show(Instant from, Instant to, List<Instant> times, Map<String, double[]> lines) {
    ObjectNode root = JSON.createObjectNode();
    root.put("from", from.getEpochSecond());
    root.put("to", to.getEpochSecond());
    ArrayNode t = root.putArray("times");
    times.forEach(i -> t.add(i.getEpochSecond()));
    ArrayNode series = root.putArray("series");
    lines.forEach((label, values) -> {
      ObjectNode s = series.addObject();
      s.put("label", label);
      ArrayNode v = s.putArray("values");
      for (double d : values) {
        if (Double.isFinite(d)) {
          v.add(d);
        } else {
          v.addNull();
        }
      }
    });
    setData(JSON.writeValueAsString(root));
  }

  public void showFailure(String why) {
    ObjectNode root = JSON.createObjectNode();
    root.put("failure", why);
    setData(JSON.writeValueAsString(root));
  }

  private void setData(String json) {
    data = json;
    getElement().setProperty("data", json);
  }

  /** The JSON the browser draws from. */
  public String data() {
    return data;
  }
}
