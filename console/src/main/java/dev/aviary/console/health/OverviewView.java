package dev.aviary.console.health;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.ui.ClusterUpdates;
import dev.aviary.console.ui.MainLayout;
import dev.aviary.console.ui.SandboxNotice;
import dev.aviary.console.ui.StaleNotice;

import java.util.List;

/** The landing page: how many services and replicas are up, and which versions are not fully ready. */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "overview", layout = MainLayout.class)
@PageTitle("Overview · Aviary")
class OverviewView extends Div {

  record Unready(String service, VersionWorkload version) {
  }

  private final Span services = new Span();
  private final Span versions = new Span();
  private final Span replicas = new Span();
  private final Paragraph allReady = new Paragraph();
  private final Grid<Unready> unready = new Grid<>();
  private final StaleNotice stale = new StaleNotice();

  OverviewView(ClusterState cluster) {
    addClassName("aviary-page");
    unready.addColumn(Unready::service).setHeader("Service").setAutoWidth(true);
    unready.addColumn(u -> u.version().version()).setHeader("Version").setAutoWidth(true);
    unready.addColumn(u -> u.version().ready() + "/" + u.version().desired()).setHeader("Ready").setAutoWidth(true);
    unready.addColumn(u -> u.version().updated() + "/" + u.version().desired()).setHeader("Up to date")
        .setAutoWidth(true);
    unready.addColumn(u -> u.version().image()).setHeader("Image").setFlexGrow(1);
    unready.setAllRowsVisible(true);
    unready.setId("unready-grid");
    allReady.setId("all-ready");
    Div tiles = new Div(tile(services, "services"), tile(versions, "versions"), tile(replicas, "replicas ready"));
    tiles.addClassName("aviary-tiles");
    add(new H2("Overview"), new SandboxNotice(cluster.info()), stale, tiles, new H3("Not fully ready"), allReady,
        unready);
    ClusterUpdates.bind(this, cluster, this::render);
  }

  private static Div tile(Span value, String label) {
    value.addClassName("value");
    Span caption = new Span(label);
    caption.addClassName("label");
    Div tile = new Div(value, new Div(caption));
    tile.addClassName("aviary-tile");
    tile.setId("tile-" + label.replace(' ', '-'));
    return tile;
  }

  private void render(ClusterSnapshot snapshot) {
    List<ServiceWorkload> all = snapshot.services();
    services.setText(String.valueOf(all.size()));
    versions.setText(String.valueOf(all.stream().mapToInt(s -> s.versions().size()).sum()));
    // A replica beyond the desired count is on its way out while scaling down: it is not counted as ready.
    replicas.setText(all.stream().flatMap(s -> s.versions().stream()).mapToInt(v -> Math.min(v.ready(), v.desired()))
        .sum() + " / " + all.stream().mapToInt(ServiceWorkload::desired).sum());
    List<Unready> notReady = all.stream().flatMap(s -> s.versions().stream().filter(v -> !v.fullyReady())
        .map(v -> new Unready(s.name(), v))).toList();
    unready.setItems(notReady);
    unready.setVisible(!notReady.isEmpty());
    allReady.setText(all.isEmpty() ? "No services in the managed namespaces yet."
        : "Every version has all its replicas ready and up to date.");
    allReady.setVisible(notReady.isEmpty());
    stale.show(snapshot.connection(), services, versions, replicas, unready);
  }
}
