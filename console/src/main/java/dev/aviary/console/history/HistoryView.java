package dev.aviary.console.history;

import dev.aviary.console.Times;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.Failures;
import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.GitHistory;
import dev.aviary.console.ui.Answers;
import dev.aviary.console.ui.ChangeFeedback;
import dev.aviary.console.ui.GitUpdates;
import dev.aviary.console.ui.MainLayout;

import jakarta.annotation.security.RolesAllowed;

/**
 * The commits of the GitOps branch, newest first: who changed what, when and why, filtered by service or author,
 * each with its diff; any of them can be reverted by a new commit.
 */
@RolesAllowed("VIEWER")
@Route(value = "history", layout = MainLayout.class)
@PageTitle("History · Aviary")
class HistoryView extends Div implements BeforeEnterObserver {

  static final int PAGE_SIZE = 50;

  private final GitHistory history;
  final Grid<CommitInfo> grid = new Grid<>();
  final TextField service = new TextField("Service");
  final TextField author = new TextField("Author");
  final Button newer = new Button("Newer");
  final Button older = new Button("Older");
  private final Paragraph status = new Paragraph();
  private int page;
  /** Answers can arrive out of order (filters typed while a fetch runs): only the latest request's is shown. */
  private final Answers.Latest pages = new Answers.Latest();

  HistoryView(GitHistory history) {
    this.history = history;
    addClassName("aviary-page");
    grid.addColumn(c -> Times.dateTime(c.time())).setHeader("When").setAutoWidth(true);
    grid.addColumn(c -> c.authorName() + " <" + c.authorEmail() + ">").setHeader("Author").setAutoWidth(true);
    grid.addColumn(c -> c.action().orElse("")).setHeader("Action").setKey("action").setAutoWidth(true);
    grid.addColumn(CommitInfo::subject).setHeader("Change").setKey("subject").setFlexGrow(1);
    grid.addColumn(CommitInfo::shortId).setHeader("Commit").setAutoWidth(true);
    grid.addComponentColumn(this::revertButton).setKey("actions").setAutoWidth(true);
    grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
    grid.setAllRowsVisible(true);
    grid.setId("history-grid");
    status.setId("history-status");
    service.setId("history-service");
    author.setId("history-author");
    for (TextField filter : new TextField[] {service, author}) {
      filter.setClearButtonVisible(true);
      filter.setValueChangeMode(ValueChangeMode.LAZY);
      filter.addValueChangeListener(e -> show(0));
    }
    newer.setId("history-newer");
    older.setId("history-older");
    newer.addClickListener(e -> show(page - 1));
    older.addClickListener(e -> show(page + 1));
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> show(page));
    HorizontalLayout bar = new HorizontalLayout(service, author, refresh, newer, older);
    bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    add(new H2("History"), new Paragraph("Branch history of " + history.remote()
        + ". Select a commit to see its diff."), bar, status, grid);
    GitUpdates.bind(this, history.changes(), change -> show(page));
  }

  /** {@code history?service=webapi} opens the history filtered to that service (the overview links here). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getSingleParameter("service").ifPresent(service::setValue);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    show(0);
  }

  private void show(int requested) {
    page = Math.max(0, requested);
    UI ui = UI.getCurrent();
    status.setText("Fetching from Git…");
    pages.deliver(ui, history.page(new GitHistory.Query(service.getValue(), author.getValue(), page, PAGE_SIZE)),
        this::showPage, error -> {
          status.setText("Could not read the history.");
          Answers.report(ui, error);
        });
  }

  private void showPage(GitHistory.Page result) {
    grid.setItems(result.commits());
    newer.setEnabled(page > 0);
    older.setEnabled(result.more());
    int n = result.commits().size();
    status.setText(n == 0 ? "No commits match." : "Page " + (page + 1) + ": " + n + (n == 1 ? " commit" : " commits")
        + (result.more() ? ", older ones on the next page" : ""));
  }

  private Div details(CommitInfo commit) {
    Pre diff = new Pre("Loading the diff…");
    diff.setId("history-diff-" + commit.shortId());
    diff.addClassName("aviary-diff");
    Div body = new Div(new Paragraph(commit.message().strip()), diff);
    UI ui = UI.getCurrent();
    // One read per opened row; a Latest of its own because a failure is shown in the row, not as a notification.
    new Answers.Latest().deliver(ui, history.diff(commit.id()), diff::setText,
        error -> diff.setText("Could not show the diff: " + Failures.rootMessage(error)));
    return body;
  }

  private Button revertButton(CommitInfo commit) {
    Button revert = new Button("Revert", click -> confirmRevert(commit));
    revert.setId("revert-" + commit.shortId());
    history.revertRefusal().ifPresent(why -> {
      revert.setEnabled(false);
      revert.setTooltipText(why);
    });
    revert.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return revert;
  }

  private void confirmRevert(CommitInfo commit) {
    TextField reason = new TextField("Reason (optional, goes into the commit)");
    reason.setId("revert-reason");
    reason.setWidthFull();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("revert-confirm");
    confirm.setHeader("Revert " + commit.shortId() + "?");
    confirm.add(new Span("A new commit by " + history.operator() + " undoes \"" + commit.subject()
        + "\" and is applied to the cluster. History stays as it is."), reason);
    confirm.setCancelable(true);
    confirm.setConfirmText("Revert");
    confirm.addConfirmListener(e -> ChangeFeedback.report(UI.getCurrent(),
        history.revert(commit.id(), reason.getValue()), result -> show(0)));
    confirm.open();
  }
}
