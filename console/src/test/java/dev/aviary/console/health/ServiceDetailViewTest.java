package dev.aviary.console.health;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aviary.console.KaribuTest;
import dev.aviary.console.metrics.Signal;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceDetailViewTest extends KaribuTest {

  @Test
  void the_detail_page_shows_health_versions_pods_events_signals_and_changes() {
    UI.getCurrent().navigate("services/document-processing/webapi");
    ServiceDetailView view = _get(ServiceDetailView.class);

    eventually(() -> {
      assertThat(view.title.getText()).isEqualTo("webapi");
      assertThat(_get(Span.class, s -> s.withId("detail-health")).getText())
          .as(_get(Paragraph.class, s -> s.withId("detail-reason")).getText()).isEqualTo("Healthy");
      assertThat(view.shown()).get().satisfies(w -> assertThat(w.versions()).hasSize(1));
      assertThat(_size(view.workload.pods)).isEqualTo(view.shown().orElseThrow().versions().getFirst().desired());
      assertThat(_size(view.workload.events)).isPositive();
      assertThat(view.charts.charts.get(Signal.REQUEST_RATE).data()).contains("\"label\":\"v1\"");
      assertThat(view.charts.charts.get(Signal.ERROR_RATIO).data()).contains("\"times\":[");
      assertThat(_get(Paragraph.class, s -> s.withId("detail-changes-status")).getText())
          .isEqualTo("No commit about webapi in Git's history.");
    });
    assertThat(_get(Paragraph.class, s -> s.withId("detail-sync")).getText()).startsWith("Synced: matches Git at ");
    assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("webapi · Aviary");
    assertThat(_get(Anchor.class, s -> s.withId("detail-traces")).getHref())
        .isEqualTo("http://jaeger.test:16686/search?service=webapi&lookback=1h&limit=20");
    assertThat(_get(Anchor.class, s -> s.withId("detail-traces-v1")).getHref()).endsWith(
        "&tags=%7B%22service.version%22%3A%22v1%22%7D");
  }

  @Test
  void an_unknown_service_says_so() {
    UI.getCurrent().navigate("services/document-processing/nope");

    eventually(() -> assertThat(_get(Paragraph.class, s -> s.withId("detail-not-found")).getText())
        .isEqualTo("No service nope in namespace document-processing in the cluster or in Git."));
  }

  @Test
  void the_overview_links_each_service_to_its_detail_page() {
    ServiceHealth row = new ServiceHealth("document-processing", "webapi", Health.healthy("ok"),
        java.util.List.of(), Restarts.NONE, SyncState.NOT_CHECKED, null);
    assertThat(OverviewView.detailPath(row)).isEqualTo("services/document-processing/webapi");
  }
}
