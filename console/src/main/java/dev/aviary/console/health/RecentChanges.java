package dev.aviary.console.health;

import dev.aviary.console.Failures;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.ui.Answers;

import java.time.Clock;
import java.util.List;

/** The service's latest commits in Git, read off the UI thread, with a link to its full history. */
class RecentChanges extends Div {

  private final ServiceDetails details;
  final Grid<CommitInfo> commits = new Grid<>();
  private final Paragraph status = new Paragraph();
  private final Anchor all = new Anchor();

  RecentChanges(ServiceDetails details, Clock clock) {
    this.details = details;
    commits.setId("detail-changes");
    commits.addColumn(c -> Figures.age(c.time(), clock.instant())).setHeader("When").setAutoWidth(true);
    commits.addColumn(CommitInfo::authorName).setHeader("Author").setAutoWidth(true);
    commits.addColumn(c -> c.action().orElse("")).setHeader("Action").setAutoWidth(true);
    commits.addColumn(CommitInfo::subject).setHeader("Change").setFlexGrow(1);
    commits.addColumn(CommitInfo::shortId).setHeader("Commit").setAutoWidth(true);
    commits.setAllRowsVisible(true);
    commits.addThemeVariants(GridVariant.LUMO_COMPACT);
    status.setId("detail-changes-status");
    add(status, commits, all);
  }

  /** Reads of Git can finish out of order: only the latest one's answer is shown. */
  private final Answers.Latest reads = new Answers.Latest();

  void show(String service) {
    all.setText("All changes to " + service);
    all.setHref("history?service=" + service);
    status.setText("Reading Git…");
    UI ui = UI.getCurrent();
    reads.deliver(ui, details.recentChanges(service), page -> {
      status.setText(page.commits().isEmpty() ? "No commit about " + service + " in Git's history." : "");
      commits.setItems(page.commits());
    }, error -> {
      status.setText("Could not read Git's history: " + Failures.rootMessage(error));
      commits.setItems(List.of());
    });
  }
}
