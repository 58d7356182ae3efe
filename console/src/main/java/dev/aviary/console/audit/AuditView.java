package dev.aviary.console.audit;

import dev.aviary.console.Times;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.ui.LiveUpdates;
import dev.aviary.console.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;


/** Recent actions on every console, allowed or denied, newest first and live: for admins. */
@RolesAllowed("ADMIN")
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Aviary")
class AuditView extends Div {


  AuditView(AuditLog audit, AuditProperties properties) {
    Grid<AuditEvent> grid = new Grid<>();
    addClassName("aviary-page");
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(e -> Times.dateTime(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true);
    grid.addColumn(AuditEvent::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditEvent::target).setHeader("Target").setFlexGrow(2);
    grid.addColumn(AuditEvent::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditEvent::detail).setHeader("Detail").setFlexGrow(3);
    grid.addColumn(e -> e.commit().length() > 8 ? e.commit().substring(0, 8) : e.commit()).setHeader("Commit")
        .setAutoWidth(true).setFlexGrow(0);
    grid.setSizeFull();
    setHeightFull();
    add(new H2("Audit"), new Paragraph("Every action on any console, allowed or denied, newest first (the last "
        + AuditLog.SHOWN + "). They are kept in the cluster for " + kept(properties) + ", "
        + properties.maxEntries() + " at most; the log stream of logger aviary.audit has them too."), grid);
    LiveUpdates.bind(grid, audit::recent, audit::subscribe, grid::setItems);
  }

  private static String kept(AuditProperties properties) {
    long days = properties.retention().toDays();
    return days >= 1 ? days + (days == 1 ? " day" : " days") : properties.retention().toMinutes() + " minutes";
  }
}
