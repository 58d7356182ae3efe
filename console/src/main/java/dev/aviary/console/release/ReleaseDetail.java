package dev.aviary.console.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.aviary.console.Times;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.Findings;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.ui.ChangeFeedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * One release: what it brings, where it is and why, the canary's weight (a slider operators can take over with),
 * the actions, each analysis with its figures against their limits, and who did what.
 */
class ReleaseDetail extends VerticalLayout {


  private final Optional<String> refusal;
  private final H3 title = new H3();
  private final Span phase = new Span();
  private final Span message = new Span();
  private final Span plan = new Span();
  final IntegerSlider weight = new IntegerSlider(0, 100);
  final Button pause;
  final Button resume;
  final Button promote;
  final Button abort;
  final Button restore;
  final JudgmentCharts judgment = new JudgmentCharts();
  private final Grid<AnalysisResult> analyses = new Grid<>();
  private final Grid<ReleaseEvent> events = new Grid<>();
  private Release shown;

  ReleaseDetail(ReleaseService releases) {
    this.refusal = releases.steerRefusal();
    pause = action("pause", "Pause", releases::pause);
    resume = action("resume", "Resume", releases::resume);
    promote = action("promote", "Promote now", releases::promote);
    abort = action("abort", "Abort", releases::abort);
    restore = action("restore", "Restore previous version", releases::restorePrevious);
    setId("release-detail");
    setPadding(false);
    phase.setId("release-phase");
    phase.getElement().getThemeList().add("badge");
    message.setId("release-message");
    plan.setId("release-plan");
    weight.setId("release-weight");
    weight.setLabel("Canary weight");
    weight.setMinMaxVisible(true);
    weight.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    weight.setWidthFull();
    weight.addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null && shown != null) {
        run(releases.moveWeight(shown.name(), e.getValue(), ""));
      }
    });
    abort.addThemeVariants(ButtonVariant.LUMO_ERROR);
    HorizontalLayout actions = new HorizontalLayout(pause, resume, promote, abort, restore);
    actions.setId("release-actions");
    analyses.setId("release-analyses");
    // Figures and history are read whole, not skimmed: their cells wrap instead of ending in "...".
    analyses.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    analyses.addColumn(a -> Times.clock(a.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    analyses.addColumn(AnalysisResult::where).setHeader("Step").setAutoWidth(true).setFlexGrow(0);
    analyses.addColumn(this::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
    analyses.addColumn(ReleaseDetail::figures).setHeader("Measured (canary, limit, stable)").setFlexGrow(3);
    analyses.setAllRowsVisible(true);
    events.setId("release-events");
    events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    events.addColumn(e -> Times.clock(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    events.addColumn(ReleaseEvent::actor).setHeader("Who").setAutoWidth(true);
    events.addColumn(ReleaseEvent::text).setHeader("What").setFlexGrow(3);
    events.addColumn(e -> e.commit().length() > 8 ? e.commit().substring(0, 8) : e.commit()).setHeader("Commit")
        .setWidth("7em").setFlexGrow(0);
    events.setAllRowsVisible(true);
    Div refused = new Div();
    refusal.ifPresent(why -> {
      refused.setText(why);
      refused.setId("release-refusal");
      refused.addClassName("aviary-refusal");
    });
    add(title, new HorizontalLayout(phase, message), plan, weight, actions, refused, judgment, new H4("Analyses"), analyses,
        new H4("History"), events);
  }

  /** Whether the detail shows this release as it is now, so showing it again would change nothing. */
  boolean showing(Release release) {
    return release.equals(shown);
  }

  void show(Release release) {
    shown = release;
    ReleaseSpec spec = release.spec();
    ReleaseStatus status = release.status();
    title.setText(spec.service() + ": " + spec.stableVersion() + " → " + spec.canaryVersion() + " (" + spec.image()
        + ")");
    phase.setText(release.phase().label());
    message.setText(release.message());
    plan.setText(release.planProgress());
    abort.setText(release.abortLabel());
    promote.setText(release.promoteLabel());
    weight.setValue(release.weight());
    ReleasePhase p = release.phase();
    boolean steerable = refusal.isEmpty();
    weight.setEnabled(steerable && p.allows(Steering.Action.SET_WEIGHT));
    pause.setEnabled(steerable && p.allows(Steering.Action.PAUSE));
    resume.setEnabled(steerable && p.allows(Steering.Action.RESUME));
    promote.setEnabled(steerable && p.allows(Steering.Action.PROMOTE));
    abort.setEnabled(steerable && p.allows(Steering.Action.ABORT));
    restore.setEnabled(steerable && release.promotionCommit().isPresent());
    List<AnalysisResult> shownAnalyses = new ArrayList<>();
    if (status != null && status.evidence() != null && p == ReleasePhase.PROGRESSING) {
      shownAnalyses.add(status.evidence());
    }
    if (status != null) {
      shownAnalyses.addAll(status.analyses().reversed());
    }
    analyses.setItems(shownAnalyses);
    judgment.show(status);
    events.setItems(status == null ? List.of() : status.events().reversed());
  }

  private Button action(String id, String label,
                        BiFunction<String, String, CompletableFuture<ChangeResult>> act) {
    Button button = new Button(label, click -> {
      if (shown != null) {
        run(act.apply(shown.name(), ""));
      }
    });
    button.setId("release-" + id);
    button.setEnabled(false);
    return button;
  }

  private void run(CompletableFuture<ChangeResult> change) {
    ChangeFeedback.report(getUI().orElseThrow(), change, result -> { });
  }

  /** The sequential judge's latest look at the running step reads as such, above the decided steps. */
  private String outcome(AnalysisResult a) {
    String outcome = a.outcome().name().charAt(0) + a.outcome().name().substring(1).toLowerCase();
    boolean live = shown != null && shown.status() != null && a == shown.status().evidence();
    return live ? "Now: " + (a.outcome() == AnalysisResult.Outcome.INCONCLUSIVE ? "undecided" : outcome.toLowerCase())
        : outcome;
  }

  static String figures(AnalysisResult a) {
    return a.checks().isEmpty() ? a.summary() : a.checks().stream()
        .map(c -> (c.passed() ? "" : "✗ ") + Findings.line(c)).collect(Collectors.joining(" · "));
  }
}
