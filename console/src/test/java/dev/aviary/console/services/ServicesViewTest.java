package dev.aviary.console.services;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.aviary.console.KaribuTest;
import dev.aviary.console.Kubectl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ServicesViewTest extends KaribuTest {

  @AfterEach
  void restoreSeededReplicas() {
    Kubectl.edit(() -> operator().apps().deployments().withName("webapi-v1").scale(3));
    awaitDeploymentsRolledOut();
  }

  @Test
  void lists_the_seeded_services_with_their_versions_and_readiness() {
    UI.getCurrent().navigate(ServicesView.class);

    eventually(() -> assertThat(rows()).contains(
        List.of("document-processor", "v1", "document-processor-v1", "2/2", "ghcr.io/aviary-dev/platform-app:1.0.0",
            "document-processing"),
        List.of("webapi", "v1", "webapi-v1", "3/3", "ghcr.io/aviary-dev/platform-app:1.0.0", "document-processing")));
  }

  @Test
  void reacts_to_a_replica_change_made_outside_the_console() {
    UI.getCurrent().navigate(ServicesView.class);
    eventually(() -> assertThat(readyOf("webapi")).isEqualTo("3/3"));

    Kubectl.edit(() -> operator().apps().deployments().withName("webapi-v1").scale(5));

    eventually(() -> assertThat(readyOf("webapi")).isEqualTo("3/5"));
    eventually(() -> assertThat(readyOf("webapi")).isEqualTo("5/5"));
  }

  private static final List<String> COLUMNS = List.of("service", "version", "deployment", "ready", "image",
      "namespace");

  /** The grid as the operator reads it: each cell's text, whether rendered as text or as a component. */
  @SuppressWarnings("unchecked")
  private static List<List<String>> rows() {
    Grid<ServicesView.Row> grid = _get(Grid.class, spec -> spec.withId("services-grid"));
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> {
      List<String> formatted = GridKt._getFormattedRow(grid, GridKt._get(grid, i));
      return IntStream.range(0, COLUMNS.size()).mapToObj(c -> formatted.get(c).startsWith("Span[")
          ? GridKt._getCellComponent(grid, i, COLUMNS.get(c)).getElement().getText() : formatted.get(c)).toList();
    }).toList();
  }

  private static String readyOf(String service) {
    return rows().stream().filter(r -> r.getFirst().equals(service)).findFirst().map(r -> r.get(3)).orElse("");
  }
}
