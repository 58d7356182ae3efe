package dev.aviary.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.aviary.console.KaribuTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ShellNavigationTest extends KaribuTest {

  @ParameterizedTest
  @CsvSource({"'',Overview", "services,Services", "releases,Releases", "history,History", "settings,Settings"})
  void the_shell_navigates_to_every_view(String path, String title) {
    UI.getCurrent().navigate(path);

    assertThat(_get(H2.class).getText()).isEqualTo(title);
    assertThat(_get(MainLayout.class)).isNotNull();
  }

  @Test
  void the_side_navigation_lists_every_page() {
    UI.getCurrent().navigate("");

    assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel)
        .containsExactly("Overview", "Services", "Releases", "History", "Settings");
  }

  @Test
  void the_badge_says_the_console_is_connected_to_the_sandbox_and_live() {
    UI.getCurrent().navigate("services");

    assertThat(_get(Span.class, s -> s.withId("cluster-badge")).getText()).isEqualTo("Sandbox · simulated cluster");
    eventually(() -> assertThat(_get(Span.class, s -> s.withId("connection-badge")).getElement()
        .getAttribute("data-state")).isEqualTo("LIVE"));
  }
}
