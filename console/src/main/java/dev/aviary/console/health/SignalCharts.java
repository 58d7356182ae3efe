package dev.aviary.console.health;

import dev.aviary.console.Failures;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.aviary.console.metrics.RangeResult;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.ui.Answers;
import dev.aviary.console.ui.TimeSeriesChart;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Rate, errors and p99 per version over a chosen span, read off the UI thread and refreshed with the signals. */
class SignalCharts extends Div {

  enum Span {
    M15("Last 15 minutes", Duration.ofMinutes(15)), H1("Last hour", Duration.ofHours(1)),
    H6("Last 6 hours", Duration.ofHours(6)), D1("Last 24 hours", Duration.ofDays(1));

    final String label;
    final Duration duration;

    Span(String label, Duration duration) {
      this.label = label;
      this.duration = duration;
    }
  }

  /** Charts are re-read at most this often while the page is open. */
  static final Duration REFRESH = Duration.ofSeconds(15);

  private final ServiceDetails details;
  private final java.time.Clock clock;
  final Select<Span> span = new Select<>();
  final Map<Signal, TimeSeriesChart> charts = new EnumMap<>(Signal.class);
  private final Paragraph source = new Paragraph();
  private String service;
  private Instant lastRead = Instant.EPOCH;

  SignalCharts(ServiceDetails details, java.time.Clock clock) {
    this.details = details;
    this.clock = clock;
    span.setId("detail-span");
    span.setLabel("Window");
    span.setItems(Span.values());
    span.setItemLabelGenerator(s -> s.label);
    span.setValue(Span.H1);
    span.addValueChangeListener(e -> read());
    source.setId("detail-signals-source");
    source.addClassName("aviary-reason");
    Div row = new Div();
    row.addClassName("aviary-charts");
    for (Signal s : Signal.values()) {
      TimeSeriesChart chart = new TimeSeriesChart(s.label(), s == Signal.ERROR_RATIO ? "%" : s.unit());
      chart.setId("chart-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      charts.put(s, chart);
      row.add(chart);
    }
    add(span, source, row);
  }

  void show(String service) {
    this.service = service;
    read();
  }

  /** Called with every overview: re-reads when the charts are older than {@link #REFRESH}. */
  void refreshIfDue() {
    if (service != null && Duration.between(lastRead, clock.instant()).compareTo(REFRESH) >= 0) {
      read();
    }
  }

  /** Reads can finish out of order (the span changed meanwhile): only the latest one's answer is drawn. */
  private final Answers.Latest reads = new Answers.Latest();

  private void read() {
    lastRead = clock.instant();
    source.setText("Reading " + details.metricsSource() + "…");
    UI ui = UI.getCurrent();
    Instant to = clock.instant();
    Instant from = to.minus(span.getValue().duration);
    reads.deliver(ui, details.series(service, span.getValue().duration, to), series -> drawAll(series::get, from, to),
        error -> drawAll(s -> RangeResult.failed(s, service, Failures.rootMessage(error)), from, to));
  }

  private void drawAll(Function<Signal, RangeResult> results, Instant from, Instant to) {
    source.setText(span.getValue().label + " · " + details.metricsSource());
    for (Signal s : Signal.values()) {
      draw(charts.get(s), results.apply(s), from, to);
    }
  }

  private static void draw(TimeSeriesChart chart, RangeResult r, Instant from, Instant to) {
    if (!r.ok()) {
      chart.showFailure(r.failure());
      return;
    }
    TreeSet<Instant> times = new TreeSet<>();
    r.byVersion().values().forEach(points -> points.forEach(p -> times.add(p.at())));
    List<Instant> axis = new ArrayList<>(times);
    Map<String, double[]> lines = new LinkedHashMap<>();
    new TreeSet<>(r.byVersion().keySet()).forEach(version -> {
      double[] values = new double[axis.size()];
      java.util.Arrays.fill(values, Double.NaN);
      for (RangeResult.Point p : r.byVersion().get(version)) {
        values[axis.indexOf(p.at())] = r.signal() == Signal.ERROR_RATIO ? p.value() * 100 : p.value();
      }
      lines.put(version, values);
    });
    chart.show(from, to, axis, lines);
  }
}
