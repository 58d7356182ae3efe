package dev.aviary.console.services;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.aviary.console.ChangingSandboxTest;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.Kubectl;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.access.Identity;
import dev.aviary.console.release.AddCanaryVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Scaling and moving traffic from the Services view: each is a commit by the operator, then live in the view. */
class ServiceChangesViewTest extends ChangingSandboxTest {

  @Autowired
  ChangePipeline pipeline;

  @Test
  void scaling_in_the_dialog_commits_as_the_operator_and_the_grid_shows_the_new_count() {
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> assertThat(row("document-processor-v1").version().fullyReady()).isTrue());
    // One more than now: other tests on this sandbox may have scaled it already.
    int target = row("document-processor-v1").version().desired() + 1;

    _click(scaleButton("document-processor-v1"));
    assertThat(_get(Paragraph.class, s -> s.withId("scale-autoscaled")).getText())
        .startsWith("Autoscaled by HorizontalPodAutoscaler document-processor-v1 (min ");
    _setValue(_get(IntegerField.class, s -> s.withId("scale-replicas")), target);
    _setValue(_get(TextField.class, s -> s.withId("scale-reason")), "Month-end batch");
    _click(_get(Button.class, s -> s.withId("scale-confirm")));

    eventually(() -> {
      assertThat(row("document-processor-v1").version().ready()).isEqualTo(target);
      assertThat(row("document-processor-v1").version().desired()).isEqualTo(target);
    });
    assertThat(git("log", "-1", "--format=%an <%ae>|%s|%b")).isEqualTo("Otto Operator "
        + "<operator@sandbox.aviary.invalid>|document-processor: scale document-processor-v1 to at least " + target
        + " replicas (autoscaler document-processor-v1: min " + target + ", max " + Math.max(8, target)
        + ")|Month-end batch\n\nAviary-Action: scale\nAviary-Change-Id: "
        + git("log", "-1", "--format=%(trailers:key=Aviary-Change-Id,valueonly)"));
  }

  @Test
  void a_store_s_stateful_set_is_scaled_in_the_same_dialog_and_committed_as_the_operator() {
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> assertThat(statefulSet("redis").statefulSet().ready()).isEqualTo(1));
    assertThat(statefulSet("postgresql").service()).isEqualTo("postgresql");

    _click(statefulSetScaleButton("redis"));
    _setValue(_get(IntegerField.class, s -> s.withId("scale-replicas")), 2);
    _setValue(_get(TextField.class, s -> s.withId("scale-reason")), "A replica to fail over to");
    _click(_get(Button.class, s -> s.withId("scale-confirm")));

    eventually(() -> assertThat(statefulSet("redis").statefulSet().ready()).isEqualTo(2));
    assertThat(git("log", "-1", "--format=%an|%s|%b")).startsWith("Otto Operator|redis: scale redis to 2 replicas|"
        + "A replica to fail over to");
    assertThat(git("show", "--format=", "--name-only", "HEAD")).isEqualTo("base/redis/stateful-set.yaml");
  }

  @Test
  void releasing_the_traffic_slider_commits_the_weights_and_shows_them_as_desired_and_live() {
    pipeline.submit(new Change(new AddCanaryVersion(), new Identity("Release Bot", "bot@example.com"), ""));
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> {
      assertThat(_get(IntegerSlider.class, s -> s.withId("traffic-slider-webapi")).isEnabled()).isTrue();
      assertThat(text("traffic-desired-webapi")).isEqualTo("v1 100%");
      assertThat(text("traffic-live-webapi")).isEqualTo("v1 100%");
    });

    _setValue(_get(IntegerSlider.class, s -> s.withId("traffic-slider-webapi")), 25);

    eventually(() -> {
      assertThat(text("traffic-desired-webapi")).isEqualTo("v1 75%, v2 25%");
      assertThat(text("traffic-live-webapi")).isEqualTo("v1 75%, v2 25%");
    });
    assertThat(git("log", "-1", "--format=%an|%s")).isEqualTo("Otto Operator|webapi: route v1 75%, v2 25%");
  }

  @Test
  void an_edit_behind_gits_back_shows_out_of_sync_with_the_field_and_sync_restores_it() {
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> assertThat(text("sync-webapi")).isEqualTo("Synced"));

    Kubectl.edit(() -> operator().apps().deployments().inNamespace("document-processing").withName("webapi-v1")
        .edit(d -> {
          d.getSpec().getTemplate().getSpec().getContainers().getFirst()
              .setImage("ghcr.io/aviary-dev/platform-app:9.9.9");
          return d;
        }));

    eventually(() -> {
      assertThat(text("sync-webapi")).isEqualTo("OutOfSync");
      assertThat(_get(UnorderedList.class, s -> s.withId("drift-webapi")).getElement().getTextRecursively())
          .isEqualTo("Deployment webapi-v1: spec.template.spec.containers[platform-app].image is "
              + "ghcr.io/aviary-dev/platform-app:9.9.9 in the cluster, ghcr.io/aviary-dev/platform-app:1.0.0 in Git");
    });
    _click(_get(Button.class, s -> s.withId("sync-button-webapi")));

    eventually(() -> assertThat(text("sync-webapi")).isEqualTo("Synced"));
    assertThat(operator().apps().deployments().inNamespace("document-processing").withName("webapi-v1").get()
        .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
        .isEqualTo("ghcr.io/aviary-dev/platform-app:1.0.0");
  }

  @Test
  void a_push_from_outside_aviary_is_noticed_shown_as_drift_and_synced_on_request(@TempDir Path clone) {
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> assertThat(text("sync-webapi")).isEqualTo("Synced"));

    GitCli.pushFromOutside(Path.of(java.net.URI.create(sandbox.gitUrl())), clone, "webapi: bigger chunks, by hand",
        copy -> {
          Path config = copy.resolve("base/webapi/config-map.yaml");
          Files.writeString(config, Files.readString(config).replace("CHUNK_WORDS: \"200\"",
              "CHUNK_WORDS: \"300\""));
        });

    eventually(() -> {
      assertThat(text("sync-webapi")).isEqualTo("OutOfSync");
      assertThat(_get(UnorderedList.class, s -> s.withId("drift-webapi")).getElement().getTextRecursively())
          .isEqualTo("ConfigMap webapi-config: data.CHUNK_WORDS is 200 in the cluster, 300 in Git");
    });
    _click(_get(Button.class, s -> s.withId("sync-button-webapi")));
    eventually(() -> assertThat(text("sync-webapi")).isEqualTo("Synced"));
  }

  /** Grid cells are rendered per row, outside the component tree: the button is fetched from its cell. */
  @SuppressWarnings("unchecked")
  private static Button scaleButton(String deployment) {
    Grid<ServicesView.Row> grid = _get(Grid.class, s -> s.withId("services-grid"));
    int index = IntStream.range(0, GridKt._size(grid))
        .filter(i -> GridKt._get(grid, i).version().deployment().equals(deployment)).findFirst().orElseThrow();
    return (Button) GridKt._getCellComponent(grid, index, "actions");
  }

  @SuppressWarnings("unchecked")
  private static Grid<StatefulSetsGrid.Row> statefulSets() {
    return _get(Grid.class, s -> s.withId("stateful-sets-grid"));
  }

  private static StatefulSetsGrid.Row statefulSet(String name) {
    Grid<StatefulSetsGrid.Row> grid = statefulSets();
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
        .filter(r -> r.statefulSet().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no StatefulSet row for " + name));
  }

  private static Button statefulSetScaleButton(String name) {
    Grid<StatefulSetsGrid.Row> grid = statefulSets();
    int index = IntStream.range(0, GridKt._size(grid))
        .filter(i -> GridKt._get(grid, i).statefulSet().name().equals(name)).findFirst().orElseThrow();
    return (Button) GridKt._getCellComponent(grid, index, "actions");
  }

  private static String text(String id) {
    return _get(Span.class, s -> s.withId(id)).getText();
  }

  @SuppressWarnings("unchecked")
  private static ServicesView.Row row(String deployment) {
    Grid<ServicesView.Row> grid = _get(Grid.class, s -> s.withId("services-grid"));
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i))
        .filter(r -> r.version().deployment().equals(deployment)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + deployment));
  }
}
