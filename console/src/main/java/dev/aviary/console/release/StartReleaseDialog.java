package dev.aviary.console.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.aviary.console.ui.ChangeFeedback;

import java.util.stream.Collectors;

/** Start a release: a service, a new image tag, optionally the new version's name; the plan comes from settings. */
class StartReleaseDialog extends Dialog {

  final ComboBox<String> service = new ComboBox<>("Service");
  final TextField tag = new TextField("Image tag");
  final TextField version = new TextField("Version name");
  final Button start = new Button("Start release");

  StartReleaseDialog(ReleaseService releases) {
    setHeaderTitle("Start a canary release");
    setId("start-release-dialog");
    service.setId("start-release-service");
    service.setItems(releases.services());
    service.setRequired(true);
    tag.setId("start-release-tag");
    tag.setRequired(true);
    tag.setHelperText("e.g. 1.4.2, or a whole image reference; a tag ending in -faulty fails in the sandbox");
    version.setId("start-release-version");
    version.setHelperText("empty: the next free v<n>");
    Paragraph plan = new Paragraph();
    plan.setId("start-release-plan");
    service.addValueChangeListener(e -> plan.setText(e.getValue() == null ? "" : describe(releases.planFor(
        e.getValue()))));
    start.setId("start-release-confirm");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClickListener(click -> {
      start.setEnabled(false);
      ChangeFeedback.report(getUI().orElseThrow(), releases.start(service.getValue(), tag.getValue(),
          version.getValue()).thenApply(ReleaseStart::change), result -> {
        start.setEnabled(true);
        if (result != null) {
          close();
        }
      });
    });
    Button cancel = new Button("Cancel", click -> close());
    add(new VerticalLayout(service, tag, version, plan));
    getFooter().add(cancel, start);
  }

  static String describe(ReleasePlan plan) {
    AnalysisLimits l = plan.limits();
    String judged = l.sequential() ? "; judged continuously on everything counted since the canary started, "
        + CanaryAnalysis.percent(1 - l.judgment().alpha()) + " confidence (a step passes once its time is up and "
        + "every limit is shown to hold)" : "; each step judged on its last window";
    return "Plan: " + plan.steps().stream().map(PlanStep::label).collect(Collectors.joining(" → ")) + ", "
        + Durations.text(plan.stepDuration()) + " a step; success ratio ≥ " + CanaryAnalysis.percent(l.minSuccessRatio())
        + ", p99 ≤ " + CanaryAnalysis.millis(l.maxP99Millis()) + ", at least " + l.minRequests()
        + " requests" + judged + "; the previous version stays warm " + Durations.text(plan.warmWindow()) + ".";
  }
}
