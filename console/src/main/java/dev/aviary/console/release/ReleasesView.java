package dev.aviary.console.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.ui.LiveUpdates;
import dev.aviary.console.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;

/** Canary releases, running ones first, with the selected one's timeline, weight and actions; live. */
@RolesAllowed("VIEWER")
@Route(value = "releases", layout = MainLayout.class)
@PageTitle("Releases · Aviary")
class ReleasesView extends Div {

  final Grid<Release> grid = new Grid<>();
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
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(Release::name).setHeader("Release").setAutoWidth(true);
    grid.addColumn(r -> r.spec().image()).setHeader("Image").setAutoWidth(true);
    grid.addColumn(r -> r.spec().plan().strategy().label()).setHeader("Strategy").setAutoWidth(true);
    // Wide enough for the longest phase: auto width is measured once, while a release may still be "Starting".
    grid.addColumn(r -> r.phase().label()).setHeader("Phase").setWidth("12em").setFlexGrow(0);
    grid.addColumn(r -> r.status() == null ? "" : r.status().weight() + "%").setHeader("Canary").setAutoWidth(true);
    grid.addColumn(r -> r.status() == null ? "" : r.status().message()).setHeader("Why").setFlexGrow(3);
    grid.addColumn(r -> r.spec().startedBy()).setHeader("Started by").setAutoWidth(true);
    grid.setAllRowsVisible(true);
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
    grid.setItems(ordered);
    // Selecting the release's new row shows it through the listener; an unchanged release is shown already.
    ordered.stream().filter(r -> r.name().equals(selected)).findFirst().ifPresent(grid.asSingleSelect()::setValue);
  }
}
