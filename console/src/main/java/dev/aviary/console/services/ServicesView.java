package dev.aviary.console.services;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.routing.Weights;
import dev.aviary.console.ui.ClusterUpdates;
import dev.aviary.console.ui.MainLayout;
import dev.aviary.console.ui.SandboxNotice;
import dev.aviary.console.ui.StaleNotice;

import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The managed services, one row per version (Deployment), with readiness updated live. */
@RolesAllowed("VIEWER")
@Route(value = "services", layout = MainLayout.class)
@PageTitle("Services · Aviary")
class ServicesView extends Div {

  /** A grid row: one version of one service. */
  record Row(String namespace, String service, VersionWorkload version) {
  }

  private final Grid<Row> grid = new Grid<>();
  private final Paragraph empty = new Paragraph();
  private final StaleNotice stale = new StaleNotice();
  private final Div traffic = new Div();
  private final Map<String, TrafficControl> trafficControls = new HashMap<>();
  private final ServiceOperations operations;
  private final SyncPanel sync;
  private final StatefulSetsGrid statefulSets;

  ServicesView(ServiceOperations operations) {
    this.operations = operations;
    this.sync = new SyncPanel(operations);
    this.statefulSets = new StatefulSetsGrid(operations);
    ClusterState cluster = operations.cluster();
    addClassName("aviary-page");
    setHeightFull();
    grid.addColumn(Row::service).setHeader("Service").setKey("service").setSortable(true).setAutoWidth(true);
    grid.addColumn(r -> r.version().version()).setHeader("Version").setKey("version").setAutoWidth(true);
    grid.addColumn(r -> r.version().deployment()).setHeader("Deployment").setKey("deployment").setAutoWidth(true);
    grid.addComponentColumn(ServicesView::readiness).setHeader("Ready").setKey("ready").setAutoWidth(true);
    grid.addComponentColumn(r -> mono(r.version().image())).setHeader("Image").setKey("image").setAutoWidth(true).setFlexGrow(1);
    grid.addColumn(Row::namespace).setHeader("Namespace").setKey("namespace").setAutoWidth(true);
    grid.addComponentColumn(this::scaleButton).setHeader("").setKey("actions").setAutoWidth(true).setFrozenToEnd(true);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setId("services-grid");
    grid.setAllRowsVisible(true);
    empty.setId("services-empty");
    traffic.setId("traffic");
    traffic.addClassName("aviary-traffic-panel");
    add(new H2("Services"), new SandboxNotice(cluster.info()), stale, empty, traffic, grid, statefulSets, sync);
    ClusterUpdates.bind(this, cluster, this::render);
  }

  private void render(ClusterSnapshot snapshot) {
    renderTraffic(snapshot);
    sync.check();
    List<Row> rows = snapshot.services().stream()
        .flatMap(s -> s.versions().stream().map(v -> new Row(s.namespace(), s.name(), v))).toList();
    grid.setItems(rows);
    empty.setVisible(rows.isEmpty());
    empty.setText(rows.isEmpty() ? "No Deployments in the managed namespaces yet." : "");
    statefulSets.render(snapshot);
    stale.show(snapshot.connection(), grid);
  }

  /**
   * One slider per service that runs exactly two versions: the stable one ({@link Weights#stable}, by live traffic)
   * against the other. A control whose pair changed (the other version took most of the traffic) is made anew.
   */
  private void renderTraffic(ClusterSnapshot snapshot) {
    List<ServiceWorkload> pairs = snapshot.services().stream().filter(s -> s.versions().size() == 2).toList();
    Map<String, Map<String, Integer>> live = pairs.isEmpty() ? Map.of() : operations.liveWeights(snapshot);
    Map<String, List<String>> wanted = new HashMap<>();
    for (ServiceWorkload s : pairs) {
      Map<String, Integer> weights = live.getOrDefault(s.name(), Map.of());
      List<String> versions = s.versions().stream().map(VersionWorkload::version).toList();
      String stable = Weights.stable(versions, weights).orElseThrow();
      wanted.put(s.name(), List.of(stable, versions.get(0).equals(stable) ? versions.get(1) : versions.get(0)));
    }
    trafficControls.entrySet().removeIf(e -> {
      boolean gone = !e.getValue().versions().equals(wanted.get(e.getKey()));
      if (gone) {
        traffic.remove(e.getValue());
      }
      return gone;
    });
    wanted.forEach((service, versions) -> trafficControls.computeIfAbsent(service, s -> {
      TrafficControl control = new TrafficControl(operations, s, versions.get(0), versions.get(1));
      traffic.add(control);
      return control;
    }).showLive(live.getOrDefault(service, Map.of())));
  }

  private Button scaleButton(Row row) {
    VersionWorkload version = row.version();
    return ScaleDialog.opener(operations, "scale-" + version.deployment(), () -> new ScaleDialog(operations,
        row.service() + " " + version.version(), version.desired(), operations.autoscaler(version),
        (replicas, reason) -> operations.scale(row.service(), version.version(), replicas, reason)));
  }

  private static Span readiness(Row row) {
    VersionWorkload v = row.version();
    Span span = new Span(v.ready() + "/" + v.desired());
    span.addClassName("aviary-ready");
    span.getElement().setAttribute("data-ready", String.valueOf(v.fullyReady()));
    span.getElement().setAttribute("title", v.fullyReady() ? "All replicas ready and up to date"
        : v.rollingOut() ? "Rolling out: " + v.updated() + " of " + v.desired() + " replicas run the current template"
        : (v.desired() - v.ready()) + " of " + v.desired() + " replicas not ready");
    return span;
  }

  private static Span mono(String text) {
    Span span = new Span(text);
    span.addClassName("aviary-mono");
    return span;
  }
}
