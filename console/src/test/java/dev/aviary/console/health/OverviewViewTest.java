package dev.aviary.console.health;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.aviary.console.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class OverviewViewTest extends KaribuTest {

  @AfterEach
  void restore() {
    operator().apps().deployments().withName("document-processor-v1").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("ghcr.io/aviary-dev/platform-app:1.0.0");
      return d;
    });
  }

  @Test
  void counts_services_versions_and_ready_replicas() {
    UI.getCurrent().navigate("");

    eventually(() -> {
      assertThat(_get(Div.class, s -> s.withId("tile-services")).getElement().getTextRecursively()).startsWith("2");
      assertThat(_get(Div.class, s -> s.withId("tile-replicas-ready")).getElement().getTextRecursively())
          .startsWith("5 / 5");
      assertThat(_get(Paragraph.class, s -> s.withId("all-ready")).getText())
          .isEqualTo("Every version has all its replicas ready and up to date.");
    });
  }

  @Test
  void a_rollout_whose_new_pods_never_become_ready_is_listed_as_not_ready() {
    UI.getCurrent().navigate("");
    eventually(() -> assertThat(_get(Paragraph.class, s -> s.withId("all-ready")).isVisible()).isTrue());

    operator().apps().deployments().withName("document-processor-v1").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("ghcr.io/aviary-dev/platform-app:1.1.0-broken");
      return d;
    });

    eventually(() -> {
      @SuppressWarnings("unchecked")
      Grid<OverviewView.Unready> grid = _get(Grid.class, s -> s.withId("unready-grid"));
      assertThat(_size(grid)).isEqualTo(1);
    });
  }
}
