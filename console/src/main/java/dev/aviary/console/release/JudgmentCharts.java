package dev.aviary.console.release;

import com.vaadin.flow.component.html.Div;
import dev.aviary.console.analysis.Look;
import dev.aviary.console.ui.TimeSeriesChart;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release's sequential judgment over time, from its trail: the canary's and the stable's error ratio counted since
 * the canary started, and the strongest evidence of any check as a share of what decides (1 rolls back). Hidden for
 * releases without a trail (the fixed-window judge, or before the first look).
 */
class JudgmentCharts extends Div {

  final TimeSeriesChart errors = new TimeSeriesChart("Error ratio since the canary started", "%");
  final TimeSeriesChart evidence = new TimeSeriesChart("Strongest evidence (1 rolls back)", "");

  JudgmentCharts() {
    setId("release-judgment");
    addClassName("aviary-charts");
    add(errors, evidence);
    setVisible(false);
  }

  void show(ReleaseStatus status) {
    List<Look> trail = status == null ? List.of() : status.trail();
    setVisible(!trail.isEmpty());
    if (trail.isEmpty()) {
      return;
    }
    List<Instant> times = trail.stream().map(Look::at).toList();
    Map<String, double[]> ratios = new LinkedHashMap<>();
    ratios.put("canary", trail.stream().mapToDouble(l -> 100 * l.canaryErrorRatio()).toArray());
    ratios.put("stable", trail.stream().mapToDouble(l -> 100 * l.stableErrorRatio()).toArray());
    errors.show(times.getFirst(), times.getLast(), times, ratios);
    evidence.show(times.getFirst(), times.getLast(), times,
        Map.of("evidence", trail.stream().mapToDouble(Look::evidence).toArray()));
  }
}
