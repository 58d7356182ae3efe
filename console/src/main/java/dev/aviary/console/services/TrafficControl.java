package dev.aviary.console.services;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.aviary.console.Failures;
import dev.aviary.console.ui.Answers;
import dev.aviary.console.ui.ChangeFeedback;
import dev.aviary.console.ui.GitUpdates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The traffic between a service's stable and canary version: a slider for the canary's share, committed when the
 * operator lets go of it, with what Git says (desired) next to what the cluster routes (live).
 */
class TrafficControl extends Div {

  final IntegerSlider slider = new IntegerSlider(0, 100);
  final Span desired = new Span();
  final Span live = new Span();
  private final ServiceOperations operations;
  /** Why the signed-in person may not move traffic; empty when they may. */
  private final Optional<String> refusal;
  private final String service;
  private final String stable;
  private final String canary;
  private Map<String, Integer> lastLive = Map.of();
  /** Reads of Git can finish out of order: only the latest one's answer is shown. */
  private final Answers.Latest reads = new Answers.Latest();

  TrafficControl(ServiceOperations operations, String service, String stable, String canary) {
    this.operations = operations;
    this.refusal = operations.changeRefusal();
    this.service = service;
    this.stable = stable;
    this.canary = canary;
    addClassName("aviary-traffic");
    setId("traffic-" + service);
    slider.setId("traffic-slider-" + service);
    slider.setLabel(service + ": share of traffic to " + canary + " (the rest to " + stable + ")");
    slider.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    slider.setValueAlwaysVisible(false);
    slider.setMinMaxVisible(true);
    slider.setWidthFull();
    slider.setEnabled(false);
    slider.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        commit(e.getValue());
      }
    });
    desired.setId("traffic-desired-" + service);
    live.setId("traffic-live-" + service);
    add(slider, new Div(new Span("Git: "), desired, new Span(" · Cluster: "), live));
    refusal.ifPresent(why -> {
      Span reason = new Span(why);
      reason.setId("traffic-refusal-" + service);
      reason.addClassName("aviary-refusal");
      add(reason);
    });
    GitUpdates.bind(this, operations.changes(), change -> {
      if (change.concerns(service)) {
        refreshDesired();
      }
    });
  }

  /** The stable version, then the canary. */
  List<String> versions() {
    return List.of(stable, canary);
  }

  /** Called with every snapshot's live weights; Git is read again whenever the cluster's routing changed. */
  void showLive(Map<String, Integer> weights) {
    live.setText(describe(weights));
    if (!weights.equals(lastLive) || desired.getText().isEmpty()) {
      lastLive = weights;
      refreshDesired();
    }
  }

  private void refreshDesired() {
    reads.deliver(UI.getCurrent(), operations.desiredWeights(service), weights -> {
      desired.setText(describe(weights));
      slider.setValue(weights.getOrDefault(canary, 0));
      slider.setEnabled(refusal.isEmpty());
    }, error -> desired.setText("unreadable: " + Failures.rootMessage(error)));
  }

  private void commit(int canaryShare) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put(stable, 100 - canaryShare);
    weights.put(canary, canaryShare);
    slider.setEnabled(false);
    ChangeFeedback.report(UI.getCurrent(), operations.setWeights(service, weights, ""), result -> refreshDesired());
  }

  private static String describe(Map<String, Integer> weights) {
    return weights.isEmpty() ? "not routed" : weights.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "%")
        .collect(Collectors.joining(", "));
  }
}
