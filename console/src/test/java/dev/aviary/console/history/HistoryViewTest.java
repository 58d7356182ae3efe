package dev.aviary.console.history;

import dev.aviary.console.gitops.CommitInfo;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.aviary.console.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryViewTest extends KaribuTest {

  @Test
  void shows_the_commits_of_the_gitops_branch_with_their_authors() {
    UI.getCurrent().navigate(HistoryView.class);

    eventually(() -> {
      @SuppressWarnings("unchecked")
      Grid<CommitInfo> grid = _get(Grid.class, s -> s.withId("history-grid"));
      assertThat(GridKt._size(grid)).isPositive();
      CommitInfo first = GridKt._get(grid, GridKt._size(grid) - 1);
      assertThat(first.authorName()).isEqualTo("Aviary Sandbox");
      assertThat(first.subject()).isEqualTo("sandbox: import the document-processing platform manifests");
      assertThat(_get(Paragraph.class, s -> s.withId("history-status")).getText()).startsWith("Page 1: ");
    });
  }
}
