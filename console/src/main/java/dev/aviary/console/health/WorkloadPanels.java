package dev.aviary.console.health;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import dev.aviary.console.cluster.AutoscalerState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.EventInfo;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service's versions (Deployment conditions, autoscaler), its other workloads (StatefulSets, volume claims, ...),
 * pods and recent events, all rendered as text.
 */
class WorkloadPanels extends Div {

  /** A pod with the version it belongs to. */
  record PodRow(String version, PodState pod) {
  }

  private final Clock clock;
  private final TraceLinks traces;
  private final Div versions = new Div();
  final Grid<PartHealth> parts = new Grid<>();
  private final H3 partsTitle = new H3("Other workloads");
  final Grid<PodRow> pods = new Grid<>();
  final Grid<EventInfo> events = new Grid<>();
  private ServiceWorkload shown;

  WorkloadPanels(Clock clock, TraceLinks traces) {
    this.clock = clock;
    this.traces = traces;
    versions.setId("detail-versions");
    parts.setId("detail-parts");
    parts.addColumn(PartHealth::kind).setHeader("Kind").setAutoWidth(true);
    parts.addColumn(PartHealth::name).setHeader("Name").setAutoWidth(true);
    parts.addColumn(p -> p.health().status().label()).setHeader("Health").setAutoWidth(true);
    parts.addColumn(PartHealth::summary).setHeader("State").setFlexGrow(1);
    parts.addColumn(p -> p.health().reason()).setHeader("Why").setFlexGrow(2);
    parts.setAllRowsVisible(true);
    parts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    pods.setId("detail-pods");
    pods.addColumn(r -> r.pod().name()).setHeader("Pod").setFlexGrow(2);
    pods.addColumn(PodRow::version).setHeader("Version").setAutoWidth(true);
    pods.addColumn(r -> r.pod().phase() + (r.pod().waitingReason().isEmpty() ? "" : " (" + r.pod().waitingReason()
        + ")") + (r.pod().terminating() ? ", terminating" : "")).setHeader("Phase").setAutoWidth(true);
    pods.addColumn(r -> r.pod().ready() ? "ready" : "not ready").setHeader("Ready").setAutoWidth(true);
    pods.addColumn(r -> r.pod().restarts()).setHeader("Restarts").setAutoWidth(true);
    pods.addColumn(r -> r.pod().created() == null ? "" : Figures.age(r.pod().created(), clock.instant()))
        .setHeader("Age").setAutoWidth(true);
    pods.addColumn(r -> r.pod().node()).setHeader("Node").setAutoWidth(true);
    pods.setAllRowsVisible(true);
    pods.addThemeVariants(GridVariant.LUMO_COMPACT);
    events.setId("detail-events");
    events.addColumn(EventInfo::type).setHeader("Type").setAutoWidth(true);
    events.addColumn(EventInfo::reason).setHeader("Reason").setAutoWidth(true);
    events.addColumn(e -> e.objectKind() + " " + e.objectName()).setHeader("Object").setFlexGrow(1);
    events.addColumn(EventInfo::message).setHeader("Message").setFlexGrow(3);
    events.addColumn(e -> e.count() + (e.count() == 1 ? "" : "x") + ", " + Figures.age(e.lastSeen(), clock.instant()))
        .setHeader("Seen").setAutoWidth(true);
    events.setAllRowsVisible(true);
    events.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    add(new H3("Versions"), versions, partsTitle, parts, new H3("Pods"), pods, new H3("Recent events"), events);
  }

  /**
   * @param partHealth the health of the workload's parts, as the overview judged them
   */
  void show(ServiceWorkload workload, List<PartHealth> partHealth, Instant now) {
    shown = workload;
    versions.removeAll();
    parts.setItems(partHealth);
    boolean anyParts = !partHealth.isEmpty();
    partsTitle.setVisible(anyParts);
    parts.setVisible(anyParts);
    if (workload == null) {
      versions.add(new Paragraph("No workload of this service is in the cluster."));
      pods.setItems(List.of());
      events.setItems(List.of());
      return;
    }
    if (workload.versions().isEmpty()) {
      versions.add(new Paragraph("No Deployment: this service runs as the workloads below."));
    }
    List<PodRow> rows = new ArrayList<>();
    for (VersionWorkload v : workload.versions()) {
      versions.add(version(workload.name(), v, now));
      v.pods().forEach(p -> rows.add(new PodRow(v.version(), p)));
    }
    workload.parts().statefulSets().forEach(s -> s.pods().forEach(p -> rows.add(new PodRow("StatefulSet "
        + s.name(), p))));
    pods.setItems(rows);
    events.setItems(workload.events());
  }

  private Div version(String service, VersionWorkload v, Instant now) {
    Div card = new Div(new H4(v.version() + " · " + v.deployment()), new Paragraph(v.image() + " · " + v.ready()
        + "/" + v.desired() + " ready, " + v.updated() + " up to date, " + v.rollout().available() + " available"
        + (v.rollout().paused() ? " · paused" : "")));
    card.addClassName("aviary-version");
    card.setId("detail-version-" + v.version());
    if (!v.rollout().conditions().isEmpty()) {
      card.add(new Paragraph("Conditions: " + conditions(v.rollout().conditions(), now)));
    }
    v.hpa().ifPresent(h -> card.add(new Paragraph(autoscaler(h, now))));
    traces.version(service, v.version()).ifPresent(url -> {
      Anchor link = new Anchor(url, "Traces of " + v.version());
      link.setTarget("_blank");
      link.setId("detail-traces-" + v.version());
      card.add(link);
    });
    return card;
  }

  private static String autoscaler(AutoscalerState h, Instant now) {
    return "Autoscaler " + h.name() + ": " + h.current() + " replicas, wants " + h.desired() + ", range " + h.min()
        + ".." + h.max() + (h.conditions().isEmpty() ? "" : "; " + conditions(h.conditions(), now));
  }

  private static String conditions(List<Condition> conditions, Instant now) {
    return conditions.stream().map(c -> c.type() + "=" + c.status() + (c.reason().isEmpty() ? "" : " (" + c.reason()
        + ")") + (c.message().isEmpty() ? "" : ": " + c.message()) + (c.since() == null ? ""
        : ", " + Figures.age(c.since(), now))).collect(Collectors.joining("; "));
  }

  ServiceWorkload shown() {
    return shown;
  }
}
