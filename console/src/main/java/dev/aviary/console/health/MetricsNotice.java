package dev.aviary.console.health;

import com.vaadin.flow.component.html.Div;

/** Says where the golden signals come from, how fresh they are, and when they or Git's side are unavailable. */
final class MetricsNotice {

  private MetricsNotice() {
  }

  static void show(Div notice, Overview overview) {
    Signals signals = overview.signals();
    String kind;
    String text;
    if (signals.readAt() == null) {
      kind = "info";
      text = "Reading golden signals from " + signals.source() + "...";
    } else if (signals.unavailable().isPresent()) {
      kind = "error";
      text = "Metrics unavailable: " + signals.unavailable().get() + ". Figures show as \"" + Figures.UNAVAILABLE
          + "\", not as zero" + (signals.lastGood() == null ? "." : "; last complete read at "
          + Figures.clock(signals.lastGood()) + ".");
    } else if (signals.unlabelled().isPresent()) {
      kind = "error";
      text = "Metrics cannot be matched to services: " + signals.unlabelled().get() + ". Until then figures show "
          + "as \"" + Figures.NO_DATA + "\".";
    } else {
      kind = signals.simulated() ? "simulated" : "info";
      text = (signals.simulated() ? "Golden signals are simulated by the sandbox's traffic model (no Prometheus "
          + "configured)" : "Golden signals from " + signals.source()) + ", as of " + Figures.clock(signals.readAt())
          + ".";
    }
    if (overview.syncProblem() != null) {
      text += " Sync state unknown: " + overview.syncProblem() + ".";
    }
    notice.getElement().setAttribute("data-kind", kind);
    notice.setText(text);
  }
}
