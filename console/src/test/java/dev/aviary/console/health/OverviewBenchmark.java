package dev.aviary.console.health;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.server.VaadinSession;
import dev.aviary.console.KaribuBase;
import dev.aviary.console.SignedIn;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.testsupport.BenchmarkOptions;
import dev.aviary.testsupport.Goals;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.aviary.testsupport.Figures.heapAfterGc;
import static dev.aviary.testsupport.Figures.max;
import static dev.aviary.testsupport.Figures.percentile;

/**
 * The console watching a cluster of many services and pods: an API server loaded with Deployments, pods, and routes
 * (see {@link BenchCluster}), a Prometheus stand-in answering every signal for every service, and the whole console
 * started against them as against a real cluster. Prints informer sync time, heap after a full GC, overview build
 * time, change-to-screen latency measured in-process, and memory per extra open overview.
 * Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify -Dbench.main=dev.aviary.console.health.OverviewBenchmark}
 * with {@code -Dbench.args="--real --services=5000 --pods=10"} for a real control plane ({@code testenv/});
 * {@code OverviewBenchmarkTest} runs the small size on both API servers in every build.
 */
public final class OverviewBenchmark {

  static final String NS = "document-processing";

  /** How big a run is: the full one prints the documented figures; the small one is CI's check that it still runs. */
  record Size(int services, int podsPerService, int builds, int changes, int extraViews) {
    static final Size FULL = new Size(1000, 10, 30, 200, 50);
    static final Size SMALL = new Size(20, 3, 3, 5, 3);

    Size scaled(int services, int podsPerService) {
      return new Size(services, podsPerService, builds, changes, extraViews);
    }
  }

  /** Held, so that java.util.logging cannot forget the level (it keeps loggers weakly). */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger(
      "io.fabric8.mockwebserver");

  /**
   * {@code --small}, {@code --real}, {@code --services=N}, {@code --pods=N} (pods per service), as arguments or in
   * the {@code bench.args} property (Maven's {@code -Dbench.args="..."}).
   */
  public static void main(String[] args) throws Exception {
    List<String> options = BenchmarkOptions.of(args);
    Size size = options.contains("--small") ? Size.SMALL : Size.FULL;
    size = size.scaled(option(options, "--services", size.services()), option(options, "--pods",
        size.podsPerService()));
    run(size, options.contains("--real"));
    System.exit(0);
  }

  private static int option(List<String> options, String name, int otherwise) {
    return options.stream().filter(o -> o.startsWith(name + "=")).findFirst()
        .map(o -> Integer.parseInt(o.substring(name.length() + 1))).orElse(otherwise);
  }

  static final String HEAP_GOAL = "heap under 512 MB";
  static final String BUILD_GOAL = "build p99 under 300 ms";
  static final String SCREEN_GOAL = "change-to-screen p99 under 500 ms";
  static final String VIEW_GOAL = "per view under 300 KB";

  /**
   * Runs the benchmark and prints its figures and goals; fails (throws) where the console does not start or catch
   * up.
   */
  static Goals run(Size size, boolean real) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("aviary-overview-bench");
    // One kwok node per 5,000 pods: the scheduler has a choice to make, as on a real cluster.
    try (BenchTarget target = real ? BenchTarget.real(Math.max(1, size.services() * size.podsPerService() / 5000))
        : BenchTarget.sandbox()) {
      long loadStart = System.nanoTime();
      BenchCluster bench = target.cluster();
      int objects = bench.load(size.services(), size.podsPerService());
      System.out.printf(Locale.ROOT, "loaded %,d objects (%,d services, %,d pods%s) into the %s in %.1f s%n",
          objects, size.services(), size.services() * size.podsPerService(),
          real ? " for the controllers to make" : "", target.name(), seconds(System.nanoTime() - loadStart));
      if (real) {
        long settleStart = System.nanoTime();
        bench.awaitSettled(size.services(), size.podsPerService(), Duration.ofMinutes(60));
        System.out.printf(Locale.ROOT, "the real controllers and kwok made every pod Ready %.1f s later%n",
            seconds(System.nanoTime() - settleStart));
      }
      long baseline = heapAfterGc();
      HttpServer prometheus = prometheusStandIn(size.services());
      long start = System.nanoTime();
      ConfigurableApplicationContext context = target.console(dir,
          "http://127.0.0.1:" + prometheus.getAddress().getPort());
      try {
        return measure(size, context, bench, start, baseline, real);
      } finally {
        context.close();
        prometheus.stop(0);
      }
    }
  }

  private static Goals measure(Size size, ConfigurableApplicationContext context, BenchCluster bench, long start,
                              long baseline, boolean real)
      throws Exception {
    ClusterState cluster = context.getBean(ClusterState.class);
    long contextReady = System.nanoTime();
    await(() -> complete(size, cluster.snapshot()), 300, () -> describe(cluster.snapshot()));
    long synced = System.nanoTime();
    System.out.printf(Locale.ROOT, "informer sync: %.1f s from console start (Spring context ready after %.1f s)%n",
        seconds(synced - start), seconds(contextReady - start));

    OverviewService overview = context.getBean(OverviewService.class);
    await(() -> overview.current().services().size() >= size.services() && overview.current().signals().readAt() != null
        && overview.current().services().stream().anyMatch(r -> r.versions().stream()
        .anyMatch(v -> v.rate().present())), 60);
    for (int i = 0; i < size.builds(); i++) {
      overview.build();
    }
    double[] builds = new double[size.builds()];
    for (int i = 0; i < size.builds(); i++) {
      long t = System.nanoTime();
      overview.build();
      builds[i] = millis(System.nanoTime() - t);
    }
    System.out.printf(Locale.ROOT, "overview build (%,d rows, signals for all; after %d warm-up builds): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        overview.current().services().size(), size.builds(), percentile(builds, 50), percentile(builds, 99), max(builds));

    long heap = heapAfterGc();
    if (real) {
      System.out.printf(Locale.ROOT, "heap after full GC: %.0f MB, %.0f MB of it the console's (the API server runs "
          + "in processes of its own)%n", mb(heap), mb(heap - baseline));
    } else {
      System.out.printf(Locale.ROOT, "heap after full GC: %.0f MB with the API server's objects, %.0f MB of it the "
          + "console's (the API server alone held %.0f MB)%n", mb(heap), mb(heap - baseline), mb(baseline));
    }

    SignedIn.as(SignedIn.demo("viewer"));
    MockVaadin.setup(UI::new, new MockSpringServlet(KaribuBase.routes(), context, UI::new));
    // The small size runs in the test JVM that other tests share: nothing of this UI outlives it, even on failure.
    try {
      UI.getCurrent().navigate("");
      @SuppressWarnings("unchecked")
      Grid<ServiceHealth> grid = _get(Grid.class, s -> s.withId("overview-grid"));
      await(() -> rows(grid).size() >= size.services(), 30);
      double[] latencies = changeToScreen(size, bench, grid);
      System.out.printf(Locale.ROOT, "change in the API server -> overview grid updated (%d changes of a %s): p50 "
          + "%.0f ms, p99 %.0f ms, max %.0f ms%n", size.changes(), real ? "Deployment's replicas" : "Deployment's ready "
          + "count", percentile(latencies, 50), percentile(latencies, 99), max(latencies));

      double perView = extraViews(size.extraViews(), overview, context.getBean(Clock.class));
      System.out.printf(Locale.ROOT, "memory per additional open overview: %.0f KB (%d more views, heap after GC)%n",
          perView / 1024, size.extraViews());
      // A figure below zero is the heap's noise, not a size: it says "not measured" rather than "met".
      return new Goals()
          .below(HEAP_GOAL, mb(heap - baseline), 512, Goals.figure("%.0f MB", mb(heap - baseline)))
          .below(BUILD_GOAL, percentile(builds, 99), 300, Goals.figure("%.1f ms", percentile(builds, 99)))
          .below(SCREEN_GOAL, percentile(latencies, 99), 500, Goals.figure("%.0f ms", percentile(latencies, 99)))
          .below(VIEW_GOAL, perView < 0 ? Double.NaN : perView / 1024, 300, perView < 0 ? Goals.figure(
              "%.0f KB: lost in the heap's noise", perView / 1024) : Goals.figure("%.0f KB", perView / 1024))
          .print();
    } finally {
      MockVaadin.tearDown();
      SignedIn.out();
    }
  }

  private static String describe(ClusterSnapshot s) {
    return s.connection() + ", " + s.services().size() + " services, " + s.services().stream()
        .mapToInt(w -> w.versions().stream().mapToInt(v -> v.pods().size()).sum()).sum() + " pods";
  }

  private static boolean complete(Size size, ClusterSnapshot s) {
    return s.connection().live() && s.services().size() >= size.services() && s.services().stream()
        .mapToInt(w -> w.versions().stream().mapToInt(v -> v.pods().size()).sum()).sum()
        >= size.services() * size.podsPerService();
  }

  /** Toggles one service's count in the API server and times until the grid shows it. */
  private static double[] changeToScreen(Size size, BenchCluster cluster, Grid<ServiceHealth> grid)
      throws Exception {
    int pods = size.podsPerService();
    double[] latencies = new double[size.changes()];
    for (int i = 0; i < size.changes(); i++) {
      String service = BenchCluster.service((i * 37) % size.services());
      int target = cluster.shown(row(grid, service)) == pods ? pods - 1 : pods;
      Thread.sleep(ThreadLocalRandom.current().nextInt(20, 150));
      long t = System.nanoTime();
      cluster.change(service, target);
      while (cluster.shown(row(grid, service)) != target) {
        MockVaadin.runUIQueue();
        Thread.sleep(0, 200_000);
      }
      latencies[i] = millis(System.nanoTime() - t);
    }
    return latencies;
  }

  private static double extraViews(int views, OverviewService overview, Clock clock) {
    MockVaadin.runUIQueue();
    long before = heapAfterGc();
    UI main = UI.getCurrent();
    VaadinSession session = VaadinSession.getCurrent();
    List<UI> extra = new ArrayList<>();
    for (int i = 0; i < views; i++) {
      UI ui = new UI();
      ui.getInternals().setSession(session);
      UI.setCurrent(ui);
      ui.add(new OverviewView(overview, clock));
      extra.add(ui);
    }
    UI.setCurrent(main);
    MockVaadin.runUIQueue();
    long after = heapAfterGc();
    if (extra.stream().anyMatch(u -> !u.isAttached())) {
      throw new IllegalStateException("the extra views were not attached");
    }
    return (after - before) / (double) views;
  }

  static List<ServiceHealth> rows(Grid<ServiceHealth> grid) {
    MockVaadin.runUIQueue();
    return List.copyOf(((ListDataProvider<ServiceHealth>) grid.getDataProvider()).getItems());
  }

  static ServiceHealth row(Grid<ServiceHealth> grid, String service) {
    for (ServiceHealth r : ((ListDataProvider<ServiceHealth>) grid.getDataProvider()).getItems()) {
      if (r.name().equals(service)) {
        return r;
      }
    }
    throw new IllegalStateException("no row for " + service);
  }

  /** Answers every instant query with one sample per service, as a Prometheus with Istio's metrics would. */
  private static HttpServer prometheusStandIn(int services) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/query", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String value = body.contains("histogram_quantile") ? "84.5" : body.contains("response_code") ? "0.0012"
          : "12.5";
      StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
      for (int i = 0; i < services; i++) {
        json.append(i == 0 ? "" : ",").append("{\"metric\":{\"destination_service_name\":\"")
            .append(BenchCluster.service(i)).append("\",\"destination_version\":\"v1\"},\"value\":[1764000000,\"")
            .append(value).append("\"]}");
      }
      byte[] bytes = json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    await(condition, seconds, () -> "");
  }

  private static void await(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up after " + seconds + " s: " + state.get());
      }
      Thread.sleep(50);
    }
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }

  static double mb(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
