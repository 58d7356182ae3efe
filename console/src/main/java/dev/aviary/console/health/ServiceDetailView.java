package dev.aviary.console.health;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.ui.MainLayout;
import dev.aviary.console.ui.StaleNotice;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;

/**
 * One service in depth, at its own URL ({@code services/<namespace>/<name>}): health and why, each version's
 * Deployment conditions and autoscaler, its other workloads, pods and recent events, its golden signals over time, its
 * recent changes in Git and, where a Jaeger UI is configured, links to its traces. Live like the overview it is drawn
 * from.
 */
@RolesAllowed("VIEWER")
@Route(value = "services/:namespace/:name", layout = MainLayout.class)
class ServiceDetailView extends Div implements BeforeEnterObserver, HasDynamicTitle {

  private final ServiceDetails details;
  private final Clock clock;
  private final TraceLinks traces;
  private String namespace = "";
  private String name = "";
  final H2 title = new H2();
  final Span health = new Span();
  final Paragraph reason = new Paragraph();
  final Paragraph sync = new Paragraph();
  final Paragraph notFound = new Paragraph();
  final Anchor tracesLink = new Anchor();
  private final StaleNotice stale = new StaleNotice();
  final WorkloadPanels workload;
  final SignalCharts charts;
  final RecentChanges changes;

  ServiceDetailView(ServiceDetails details, Clock clock, TraceLinks traces) {
    this.details = details;
    this.clock = clock;
    this.traces = traces;
    this.workload = new WorkloadPanels(clock, traces);
    this.charts = new SignalCharts(details, clock);
    this.changes = new RecentChanges(details, clock);
    addClassName("aviary-page");
    health.addClassName("aviary-health");
    health.setId("detail-health");
    reason.setId("detail-reason");
    sync.setId("detail-sync");
    notFound.setId("detail-not-found");
    notFound.setVisible(false);
    tracesLink.setId("detail-traces");
    tracesLink.setTarget("_blank");
    tracesLink.setVisible(false);
    add(title, stale, new Div(health, reason), sync, tracesLink, notFound, new H3("Golden signals"), charts, workload,
        new H3("Recent changes"), changes);
    OverviewUpdates.bind(this, details::current, details::subscribe, this::render);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    namespace = event.getRouteParameters().get("namespace").orElse("");
    name = event.getRouteParameters().get("name").orElse("");
    if ("-".equals(namespace)) {
      namespace = "";
    }
    title.setText(name);
    traces.service(name).ifPresent(url -> {
      tracesLink.setHref(url);
      tracesLink.setText("Traces of " + name + " in Jaeger (last hour)");
      tracesLink.setVisible(true);
    });
  }

  @Override
  public String getPageTitle() {
    return name + " · Aviary";
  }

  @Override
  protected void onAttach(AttachEvent event) {
    charts.show(name);
    changes.show(name);
  }

  private void render(Overview overview) {
    Optional<ServiceDetails.Detail> detail = details.detail(overview, namespace, name);
    notFound.setVisible(detail.isEmpty());
    notFound.setText(detail.isEmpty() ? "No service " + name + (namespace.isEmpty() ? "" : " in namespace "
        + namespace) + " in the cluster or in Git." : "");
    stale.show(overview.cluster(), workload, health, reason);
    if (detail.isEmpty()) {
      return;
    }
    ServiceHealth row = detail.get().health();
    health.setText(row.health().status().label());
    health.getElement().setAttribute("data-status", row.health().status().name());
    reason.setText(row.health().reason());
    sync.setText(row.sync().kind().label() + ": " + row.sync().detail() + " · restarts in the last hour: "
        + Figures.restarts(row.restarts()));
    workload.show(detail.get().workload().orElse(null), row.parts(), clock.instant());
    charts.refreshIfDue();
  }

  /** For tests: the workload shown, if any. */
  Optional<ServiceWorkload> shown() {
    return Optional.ofNullable(workload.shown());
  }
}
