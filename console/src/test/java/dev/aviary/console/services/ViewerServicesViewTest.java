package dev.aviary.console.services;

import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import dev.aviary.console.KaribuTest;
import dev.aviary.console.SignedIn;
import dev.aviary.sandbox.signin.DemoUser;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A viewer reads the Services page; what they may not do is disabled, and says why. */
class ViewerServicesViewTest extends KaribuTest {

  @Override
  protected DemoUser user() {
    return SignedIn.demo("viewer");
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_viewer_sees_scale_disabled_with_the_reason() {
    UI.getCurrent().navigate(ServicesView.class);

    eventually(() -> {
      Grid<ServicesView.Row> grid = _get(Grid.class, spec -> spec.withId("services-grid"));
      int row = IntStream.range(0, GridKt._size(grid))
          .filter(i -> GridKt._get(grid, i).version().deployment().equals("webapi-v1")).findFirst().orElseThrow();
      Button scale = (Button) GridKt._getCellComponent(grid, row, "actions");
      assertThat(scale.isEnabled()).isFalse();
      assertThat(scale.getTooltip().getText()).isEqualTo("Your role is Viewer; this needs Operator.");
    });
  }
}
