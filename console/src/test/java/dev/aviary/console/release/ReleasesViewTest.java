package dev.aviary.console.release;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.slider.IntegerSlider;
import dev.aviary.console.SignedIn;
import dev.aviary.console.analysis.AnalysisResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The Releases view: a running release's timeline live, operators steering it, viewers only watching. */
class ReleasesViewTest extends ReleaseSandboxTest {

  @Test
  void an_operator_pauses_moves_and_aborts_a_release_and_the_timeline_follows_live() throws Exception {
    SignedIn.as(SignedIn.demo("admin"));
    releases.start("document-processor", "2.0.0", "").get();
    Release release = releaseOf("document-processor", "2.0.0");
    SignedIn.as(SignedIn.demo("operator"));
    UI.getCurrent().navigate(ReleasesView.class);
    assertThat(_get(Button.class, spec -> spec.withId("start-release")).isEnabled()).isFalse();

    select(release.name());
    eventually(() -> assertThat(phase()).isEqualTo("Progressing"));
    eventually(() -> assertThat(GridKt._getFormattedRow(analyses(), 0)).satisfies(row -> {
      assertThat(row.get(2)).as("the judge's latest look, above the decided steps").startsWith("Now: ");
      assertThat(row.get(3)).contains("error ratio vs stable").contains("evidence").contains(" needed)");
    }));
    JudgmentCharts charts = _get(JudgmentCharts.class, spec -> spec.withId("release-judgment"));
    assertThat(charts.isVisible()).isTrue();
    assertThat(charts.errors.data()).contains("\"label\":\"canary\"").contains("\"label\":\"stable\"");
    _click(_get(Button.class, spec -> spec.withId("release-pause")));
    eventually(() -> assertThat(phase()).isEqualTo("Paused"));
    assertThat(events()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("Otto Operator <operator@sandbox.aviary.invalid>");
      assertThat(e.text()).isEqualTo("pause");
    });

    _setValue(_get(IntegerSlider.class, spec -> spec.withId("release-weight")), 30);
    eventually(() -> assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("release-message"))
        .getText()).isEqualTo("Otto Operator <operator@sandbox.aviary.invalid> moved the canary to 30%"));
    assertThat(git("log", "-1", "--format=%an|%s")).isEqualTo("Otto Operator|document-processor: release "
        + release.spec().canaryVersion() + ": operator moves it to 30%");

    _click(_get(Button.class, spec -> spec.withId("release-abort")));
    eventually(() -> assertThat(phase()).isEqualTo("Rolled back"));
    assertThat(git("log", "-1", "--format=%an|%s")).isEqualTo("Otto Operator|document-processor: rollback: aborted "
        + "by Otto Operator <operator@sandbox.aviary.invalid>");
  }

  @Test
  void an_admin_starts_a_blue_green_release_in_the_dialog_switches_it_and_an_operator_switches_back() {
    SignedIn.as(SignedIn.demo("admin"));
    UI.getCurrent().navigate(ReleasesView.class);
    _click(_get(Button.class, spec -> spec.withId("start-release")));
    StartReleaseDialog dialog = _get(StartReleaseDialog.class);
    _setValue(dialog.service, "document-processor");
    assertThat(dialog.strategy.getValue()).as("the service's default").isEqualTo(ReleaseStrategy.CANARY);
    _setValue(dialog.strategy, ReleaseStrategy.BLUE_GREEN);
    assertThat(dialog.plan.getText()).startsWith("Plan: preview → 100%, 10m a step;");
    assertThat(dialog.strategy.getHelperText()).startsWith("the new version at full size beside the old one");
    _setValue(dialog.tag, "2.1.0");
    _click(dialog.start);
    Release release = releaseOf("document-processor", "2.1.0");
    String green = release.spec().canaryVersion();
    assertThat(release.spec().plan().strategy()).isEqualTo(ReleaseStrategy.BLUE_GREEN);

    select(release.name());
    eventually(() -> assertThat(text("release-plan")).isEqualTo("Blue-green: preview → 100%, step 1 of 2 (preview)"));
    eventually(() -> assertThat(git("ls-tree", "-r", "--name-only", "HEAD")).contains(
        "istio/document-processor/preview.yaml"));
    assertThat(GridKt._getFormattedRow(grid(), 0).get(2)).isEqualTo("Blue-green");
    Button promote = _get(Button.class, spec -> spec.withId("release-promote"));
    assertThat(promote.getText()).isEqualTo("Switch now");
    _click(promote);
    eventually(() -> assertThat(phase()).isEqualTo("Previous version warm"));
    assertThat(git("log", "-1", "--format=%an|%s")).isEqualTo("Aviary|document-processor: release " + green
        + ": promote: all traffic to " + green);

    SignedIn.as(SignedIn.demo("operator"));
    UI.getCurrent().navigate(ReleasesView.class);
    select(release.name());
    Button abort = _get(Button.class, spec -> spec.withId("release-abort"));
    eventually(() -> assertThat(abort.getText()).isEqualTo("Switch back"));
    _click(abort);
    eventually(() -> assertThat(phase()).isEqualTo("Rolled back"));
    assertThat(git("log", "-2", "--format=%an|%s")).startsWith("Otto Operator|document-processor: rollback: aborted "
        + "by Otto Operator <operator@sandbox.aviary.invalid>");
    assertThat(git("ls-tree", "-r", "--name-only", "HEAD")).doesNotContain("istio/document-processor/preview.yaml");
  }

  private static String text(String id) {
    return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId(id)).getText();
  }

  @Test
  void releases_are_offered_for_the_services_that_run_versions_and_not_for_the_stores() {
    eventually(() -> assertThat(releases.services()).containsExactly("document-processor", "webapi"));
  }

  @Test
  void a_viewer_sees_releases_but_every_action_is_disabled_and_says_why() throws Exception {
    // A release of its own, finished before the others start theirs: this test does not rely on their order.
    SignedIn.as(SignedIn.demo("admin"));
    releases.start("webapi", "1.3.0", "").get();
    awaitFinished(releaseOf("webapi", "1.3.0").name());
    SignedIn.as(SignedIn.demo("viewer"));
    UI.getCurrent().navigate(ReleasesView.class);

    assertThat(_get(Button.class, spec -> spec.withId("start-release")).isEnabled()).isFalse();
    eventually(() -> assertThat(_size(grid())).isPositive());
    grid().asSingleSelect().setValue(_get(grid(), 0));
    assertThat(List.of("pause", "resume", "promote", "abort", "restore")).allSatisfy(id ->
        assertThat(_get(Button.class, spec -> spec.withId("release-" + id)).isEnabled()).as(id).isFalse());
    assertThat(_get(IntegerSlider.class, spec -> spec.withId("release-weight")).isEnabled()).isFalse();
    assertThat(_get(Div.class, spec -> spec.withId("release-refusal")).getText())
        .isEqualTo("Your role is Viewer; this needs Operator.");
  }

  @SuppressWarnings("unchecked")
  private static Grid<Release> grid() {
    return _get(Grid.class, spec -> spec.withId("releases-grid"));
  }

  private static void select(String name) {
    eventually(() -> assertThat(IntStream.range(0, _size(grid())).mapToObj(i -> _get(grid(), i).name()))
        .contains(name));
    Release row = IntStream.range(0, _size(grid())).mapToObj(i -> _get(grid(), i))
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    grid().asSingleSelect().setValue(row);
  }

  @SuppressWarnings("unchecked")
  private static Grid<AnalysisResult> analyses() {
    return _get(Grid.class, spec -> spec.withId("release-analyses"));
  }

  private static String phase() {
    return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("release-phase")).getText();
  }

  @SuppressWarnings("unchecked")
  private static List<ReleaseEvent> events() {
    Grid<ReleaseEvent> events = _get(Grid.class, spec -> spec.withId("release-events"));
    return IntStream.range(0, _size(events)).mapToObj(i -> _get(events, i)).toList();
  }
}
