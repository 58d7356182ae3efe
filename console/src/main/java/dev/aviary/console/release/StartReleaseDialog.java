package dev.aviary.console.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.Findings;
import dev.aviary.console.ui.ChangeFeedback;


/**
 * Start a release: a service, a new image tag, optionally the new version's name, and the strategy (the service's
 * default first); the plan comes from settings and is shown before starting.
 */
class StartReleaseDialog extends Dialog {

  final ComboBox<String> service = new ComboBox<>("Service");
  final TextField tag = new TextField("Image tag");
  final TextField version = new TextField("Version name");
  final RadioButtonGroup<ReleaseStrategy> strategy = new RadioButtonGroup<>("Strategy");
  final Paragraph plan = new Paragraph();
  final Button start = new Button("Start release");

  StartReleaseDialog(ReleaseService releases) {
    setHeaderTitle("Start a release");
    setId("start-release-dialog");
    service.setId("start-release-service");
    service.setItems(releases.services());
    service.setRequired(true);
    tag.setId("start-release-tag");
    tag.setRequired(true);
    tag.setHelperText("e.g. 1.4.2, or a whole image reference; a tag ending in -faulty fails in the sandbox");
    version.setId("start-release-version");
    version.setHelperText("empty: the next free v<n>");
    strategy.setId("start-release-strategy");
    strategy.setItems(ReleaseStrategy.values());
    strategy.setItemLabelGenerator(ReleaseStrategy::label);
    strategy.setRequired(true);
    plan.setId("start-release-plan");
    service.addValueChangeListener(e -> {
      if (e.getValue() != null) {
        strategy.setValue(releases.strategyFor(e.getValue()));
      }
      showPlan(releases);
    });
    strategy.addValueChangeListener(e -> showPlan(releases));
    start.setId("start-release-confirm");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClickListener(click -> {
      start.setEnabled(false);
      ChangeFeedback.report(getUI().orElseThrow(), releases.start(service.getValue(), tag.getValue(),
          version.getValue(), strategy.getValue()).thenApply(ReleaseStart::change), result -> {
        start.setEnabled(true);
        if (result != null) {
          close();
        }
      });
    });
    Button cancel = new Button("Cancel", click -> close());
    add(new VerticalLayout(service, tag, version, strategy, plan));
    getFooter().add(cancel, start);
  }

  private void showPlan(ReleaseService releases) {
    ReleaseStrategy chosen = strategy.getValue();
    strategy.setHelperText(chosen == null ? "" : chosen.description());
    plan.setText(service.getValue() == null || chosen == null ? ""
        : describe(releases.planFor(service.getValue(), chosen)));
  }

  static String describe(ReleasePlan plan) {
    AnalysisLimits l = plan.limits();
    String judged = l.sequential() ? "; judged continuously on everything counted since the canary started, "
        + Findings.percent(1 - l.judgment().alpha()) + " confidence (a step passes once its time is up and "
        + "every limit is shown to hold)" : "; each step judged on its last window";
    return "Plan: " + plan.describeSteps() + ", "
        + Durations.text(plan.stepDuration()) + " a step; success ratio ≥ " + Findings.percent(l.minSuccessRatio())
        + ", p99 ≤ " + Findings.millis(l.maxP99Millis()) + ", at least " + l.minRequests()
        + " requests" + judged + "; the previous version stays warm " + Durations.text(plan.warmWindow()) + ".";
  }
}
