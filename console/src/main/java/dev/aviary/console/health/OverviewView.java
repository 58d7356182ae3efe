package dev.aviary.console.health;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.ui.MainLayout;
import dev.aviary.console.ui.SandboxNotice;
import dev.aviary.console.ui.StaleNotice;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The on-call landing page: one row per service, most severe first, joining health, golden signals, sync state and
 * the last change. It re-renders whenever the shared overview is rebuilt, and says which source is stale. Up to
 * {@value #WHOLE_UP_TO} services every row shows and the page scrolls, so on-call sees every unhealthy service
 * without scrolling inside a grid; beyond that the grid fills the window and a filter finds a service.
 */
@RolesAllowed("VIEWER")
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "overview", layout = MainLayout.class)
@PageTitle("Overview · Aviary")
class OverviewView extends Div {

  static final int WHOLE_UP_TO = 50;

  private final Span services = new Span();
  private final Span unhealthy = new Span();
  private final Span replicas = new Span();
  private final Div metrics = new Div();
  private final StaleNotice stale = new StaleNotice();
  private final List<ServiceHealth> rows = new ArrayList<>();
  private final ListDataProvider<ServiceHealth> data = new ListDataProvider<>(rows) {
    @Override
    public Object getId(ServiceHealth item) {
      return item.key();
    }
  };
  final Grid<ServiceHealth> grid = new Grid<>();
  final TextField filter = new TextField();
  private final Clock clock;

  OverviewView(OverviewService overview, Clock clock) {
    this.clock = clock;
    addClassName("aviary-page");
    metrics.addClassName("aviary-banner");
    metrics.setId("metrics-notice");
    Div tiles = new Div(tile(services, "services"), tile(unhealthy, "not healthy"), tile(replicas, "replicas ready"));
    tiles.addClassName("aviary-tiles");
    configureGrid();
    filter.setId("overview-filter");
    filter.setPlaceholder("Filter by name, namespace or health");
    filter.setClearButtonVisible(true);
    filter.setValueChangeMode(ValueChangeMode.LAZY);
    filter.addValueChangeListener(e -> data.setFilter(row -> ServiceFilter.matches(row, e.getValue())));
    filter.setVisible(false);
    add(new H2("Overview"), new SandboxNotice(overview.clusterInfo()), stale, metrics, tiles, filter, grid);
    OverviewUpdates.bind(this, overview, this::render);
  }

  private void configureGrid() {
    grid.setId("overview-grid");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
    grid.setItems(data);
    grid.addColumn(LitRenderer.<ServiceHealth>of("""
            <span class="aviary-health" data-status="${item.status}">${item.label}</span>
            <div class="aviary-reason">${item.reason}</div>""")
        .withProperty("status", r -> r.health().status().name())
        .withProperty("label", r -> r.health().status().label())
        .withProperty("reason", r -> r.health().reason())).setHeader("Health").setFlexGrow(3);
    grid.addColumn(LitRenderer.<ServiceHealth>of("""
            <a href="${item.href}">${item.name}</a><div class="aviary-reason">${item.namespace}</div>""")
        .withProperty("href", OverviewView::detailPath).withProperty("name", ServiceHealth::name)
        .withProperty("namespace", ServiceHealth::namespace)).setHeader("Service").setFlexGrow(2);
    lines("Versions (ready · traffic)", r -> r.versions().stream().map(v -> v.version() + "  " + v.ready() + "/"
        + v.desired() + (v.weight() == null ? "" : "  " + v.weight() + "%")).toList(), 2);
    signal("Requests", Signal.REQUEST_RATE);
    signal("Errors", Signal.ERROR_RATIO);
    signal("p99", Signal.P99_LATENCY);
    lines("Restarts 1h", r -> List.of(Figures.restarts(r.restarts())), 1);
    grid.addColumn(LitRenderer.<ServiceHealth>of("""
            <span class="aviary-sync" data-sync="${item.kind}" title="${item.detail}">${item.label}</span>""")
        .withProperty("kind", r -> r.sync().kind().name()).withProperty("label", r -> r.sync().kind().label())
        .withProperty("detail", r -> r.sync().detail())).setHeader("Sync").setFlexGrow(1);
    grid.addColumn(LitRenderer.<ServiceHealth>of("""
            <a href="${item.href}" title="${item.message}">${item.who}</a>
            <div class="aviary-reason">${item.subject}</div>""")
        .withProperty("href", r -> "history?service=" + r.name())
        .withProperty("who", r -> r.change().map(c -> c.authorName() + " · " + Figures.age(c.time(), clock.instant()))
            .orElse("none in recent history"))
        .withProperty("subject", r -> r.change().map(c -> c.subject()).orElse(""))
        .withProperty("message", r -> r.change().map(c -> c.shortId() + " " + c.subject()).orElse("")))
        .setHeader("Last change").setFlexGrow(3);
  }

  private void signal(String header, Signal signal) {
    grid.addColumn(LitRenderer.<ServiceHealth>of("""
            <span class="aviary-lines" title="${item.why}">${item.text}</span>""")
        .withProperty("text", r -> r.versions().stream().map(v -> Figures.reading(signal, switch (signal) {
          case REQUEST_RATE -> v.rate();
          case ERROR_RATIO -> v.errors();
          case P99_LATENCY -> v.p99();
        })).collect(Collectors.joining("\n")))
        .withProperty("why", r -> r.versions().stream().map(v -> Figures.why(switch (signal) {
          case REQUEST_RATE -> v.rate();
          case ERROR_RATIO -> v.errors();
          case P99_LATENCY -> v.p99();
        })).filter(w -> !w.isEmpty()).distinct().collect(Collectors.joining("; "))))
        .setHeader(header).setFlexGrow(1);
  }

  private void lines(String header, java.util.function.Function<ServiceHealth, List<String>> text, int grow) {
    grid.addColumn(LitRenderer.<ServiceHealth>of("<span class=\"aviary-lines\">${item.text}</span>")
        .withProperty("text", r -> String.join("\n", text.apply(r)))).setHeader(header).setFlexGrow(grow);
  }

  static String detailPath(ServiceHealth r) {
    return "services/" + (r.namespace().isEmpty() ? "-" : r.namespace()) + "/" + r.name();
  }

  private void render(Overview overview) {
    boolean sameRows = rows.size() == overview.services().size();
    for (int i = 0; sameRows && i < rows.size(); i++) {
      sameRows = rows.get(i).key().equals(overview.services().get(i).key());
    }
    List<ServiceHealth> previous = List.copyOf(rows);
    rows.clear();
    rows.addAll(overview.services());
    if (sameRows) {
      // Same services in the same order: resend only the rows that changed, keeping the scroll position cheap.
      for (int i = 0; i < rows.size(); i++) {
        if (!rows.get(i).equals(previous.get(i))) {
          data.refreshItem(rows.get(i));
        }
      }
    } else {
      data.refreshAll();
    }
    boolean whole = rows.size() <= WHOLE_UP_TO;
    if (grid.isAllRowsVisible() != whole) {
      grid.setAllRowsVisible(whole);
      grid.setHeight(whole ? null : "calc(100vh - 16em)");
      filter.setVisible(!whole);
    }
    services.setText(String.valueOf(rows.size()));
    unhealthy.setText(String.valueOf(rows.stream().filter(r -> r.health().status() != HealthStatus.HEALTHY).count()));
    replicas.setText(rows.stream().flatMap(r -> r.versions().stream()).mapToInt(v -> Math.min(v.ready(), v.desired()))
        .sum() + " / " + rows.stream().flatMap(r -> r.versions().stream()).mapToInt(VersionHealth::desired).sum());
    MetricsNotice.show(metrics, overview);
    stale.show(overview.cluster(), grid, services, unhealthy, replicas);
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
}
