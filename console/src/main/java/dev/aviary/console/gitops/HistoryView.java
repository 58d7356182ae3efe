package dev.aviary.console.gitops;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.ui.MainLayout;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The commits of the GitOps branch, newest first: who changed what, and when. */
@Route(value = "history", layout = MainLayout.class)
@PageTitle("History · Aviary")
class HistoryView extends Div {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final int PAGE = 100;

  private final GitHistory history;
  private final Grid<CommitInfo> grid = new Grid<>();
  private final Paragraph status = new Paragraph();

  HistoryView(GitHistory history) {
    this.history = history;
    addClassName("aviary-page");
    grid.addColumn(c -> TIME.format(c.time())).setHeader("When").setAutoWidth(true);
    grid.addColumn(c -> c.authorName() + " <" + c.authorEmail() + ">").setHeader("Author").setAutoWidth(true);
    grid.addColumn(CommitInfo::subject).setHeader("Change").setFlexGrow(1);
    grid.addColumn(CommitInfo::shortId).setHeader("Commit").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.setId("history-grid");
    status.setId("history-status");
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load(UI.getCurrent()));
    add(new H2("History"), new Paragraph("Branch history of " + history.remote()), refresh, status, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    load(event.getUI());
  }

  private void load(UI ui) {
    status.setText("Fetching from Git…");
    history.recent(PAGE).whenComplete((commits, error) -> ui.access(() -> show(commits, error)));
  }

  private void show(List<CommitInfo> commits, Throwable error) {
    if (error != null) {
      status.setText("Could not read the history.");
      throw new IllegalStateException(error.getCause() != null ? error.getCause().getMessage() : error.getMessage(),
          error);
    }
    status.setText(commits.size() + (commits.size() == PAGE ? "+ commits" : " commits"));
    grid.setItems(commits);
  }
}
