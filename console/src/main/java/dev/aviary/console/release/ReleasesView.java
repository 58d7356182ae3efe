package dev.aviary.console.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.access.Identity;
import dev.aviary.console.ui.LiveUpdates;
import dev.aviary.console.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Canary releases, running ones first, with the selected one's timeline, weight and actions; live. */
@RolesAllowed("VIEWER")
@Route(value = "releases", layout = MainLayout.class)
@PageTitle("Releases · Aviary")
class ReleasesView extends Div {

  final Grid<Release> grid = new Grid<>();
  private final List<Release> rows = new ArrayList<>();
  /** Rows are known by the release's name, so a refresh that replaces them keeps a click or a selection on its row. */
  private final ListDataProvider<Release> data = new ListDataProvider<>(rows) {
    @Override
    public Object getId(Release item) {
      return item.name();
    }
  };
  final ReleaseDetail detail;
  final Button start = new Button("Start a release");
  private final Paragraph empty = new Paragraph("No releases yet. An admin starts one with a service and a new image "
      + "tag; Aviary moves traffic step by step and judges each step by its golden signals.");

  ReleasesView(ReleaseService releases) {
    addClassName("aviary-page");
    detail = new ReleaseDetail(releases);
    detail.setVisible(false);
    start.setId("start-release");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    releases.startRefusal().ifPresentOrElse(why -> {
      start.setEnabled(false);
      start.setTooltipText(why);
    }, () -> start.addClickListener(click -> new StartReleaseDialog(releases).open()));
    empty.setId("releases-empty");
    grid.setId("releases-grid");
    // The grid fits the page: long cells (an image, the reason, a person) wrap instead of widening it, and the
    // reason is shown whole; no column is sized by its content, which would push the last ones off the edge.
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(Release::name).setHeader("Release").setFlexGrow(2);
    grid.addColumn(r -> r.spec().image()).setHeader("Image").setFlexGrow(2);
    grid.addColumn(r -> r.spec().plan().strategy().label()).setHeader("Strategy").setWidth("9em").setFlexGrow(0);
    // Wide enough for the longest phase: a release may still be "Starting" when the page opens.
    grid.addColumn(r -> r.phase().label()).setHeader("Phase").setWidth("10em").setFlexGrow(0);
    grid.addColumn(r -> r.status() == null ? "" : r.status().weight() + "%").setHeader("Canary").setWidth("5.5em")
        .setFlexGrow(0);
    grid.addColumn(r -> r.status() == null ? "" : r.status().message()).setHeader("Why").setFlexGrow(5);
    grid.addColumn(r -> Identity.nameIn(r.spec().startedBy())).setHeader("Started by").setFlexGrow(2)
        .setTooltipGenerator(r -> r.spec().startedBy());
    grid.setAllRowsVisible(true);
    grid.setItems(data);
    grid.asSingleSelect().addValueChangeListener(e -> {
      detail.setVisible(e.getValue() != null);
      if (e.getValue() != null) {
        detail.show(e.getValue());
      }
    });
    add(new HorizontalLayout(new H2("Releases"), start), empty, grid, detail);
    LiveUpdates.bind(grid, releases::releases, listener -> releases.subscribe(listener::accept), this::render);
  }

  private void render(List<Release> releases) {
    String selected = grid.asSingleSelect().getValue() == null ? null : grid.asSingleSelect().getValue().name();
    List<Release> ordered = releases.stream().sorted(Comparator.comparing((Release r) -> r.phase().finished())
        .thenComparing(Release::name, Comparator.reverseOrder())).toList();
    empty.setVisible(ordered.isEmpty());
    rows.clear();
    rows.addAll(ordered);
    data.refreshAll();
    // The selected release keeps its row (rows are known by name), so the selection does not change: show its news.
    ordered.stream().filter(r -> r.name().equals(selected)).findFirst().ifPresent(r -> {
      grid.asSingleSelect().setValue(r);
      if (!detail.showing(r)) {
        detail.show(r);
      }
    });
  }
}
