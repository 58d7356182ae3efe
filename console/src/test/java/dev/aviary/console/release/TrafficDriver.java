package dev.aviary.console.release;

import dev.aviary.console.gitops.Manifests;
import dev.aviary.console.routing.IstioRouter;
import dev.aviary.console.routing.PreviewRoutes;
import dev.aviary.console.routing.RouteTable;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the mesh does with a service's traffic, for tests: reads the service's VirtualService from the API server as a
 * {@link RouteTable} (header and cookie routes, weights, mirror, as Aviary's router reads them) and sends real HTTP
 * requests where it says: a request from a marked client (see {@link #marked}) to the version its match names, the
 * rest to a version picked at random per request by weight, as Envoy's weighted clusters do, and a share of those
 * also to the mirrored version, whose answers no user gets. A share of the requests (see {@link #previewing}) come
 * from testers calling the service's preview, when its Service and VirtualService exist, and go to the version it
 * selects. User requests, mirrored ones and preview ones are tallied apart. A version with user traffic but no
 * process is counted, not hidden.
 */
final class TrafficDriver implements AutoCloseable {

  static final String PATH = "/api/v1/documents?size=5";

  private final KubernetesClient client;
  private final String namespace;
  private final String service;
  private final Map<String, String> processes = new ConcurrentHashMap<>();
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  private final Map<String, Tally> mirrored = new ConcurrentHashMap<>();
  private final Map<String, Tally> markedTallies = new ConcurrentHashMap<>();
  private final Map<String, Tally> unmarkedTallies = new ConcurrentHashMap<>();
  private final Map<String, Tally> previewed = new ConcurrentHashMap<>();
  private final Map<String, Instant> firstUserRequest = new ConcurrentHashMap<>();
  private final AtomicLong unroutable = new AtomicLong();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private volatile RouteTable route = RouteTable.weighted(Map.of());
  private volatile double markedShare;
  private volatile Map<String, String> markedHeaders = Map.of();
  private volatile double previewShare;

  /** Requests sent to one version, and how many of them failed (5xx or no answer). */
  static final class Tally {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
  }

  TrafficDriver(KubernetesClient client, String namespace, String service) {
    this.client = client;
    this.namespace = namespace;
    this.service = service;
  }

  /** Serves {@code version}'s share of the traffic from the process at {@code baseUrl}. */
  void serve(String version, String baseUrl) {
    processes.put(version, baseUrl);
  }

  void stopServing(String version) {
    processes.remove(version);
  }

  TrafficDriver start(int requestsPerSecond) {
    scheduler.scheduleWithFixedDelay(this::readWeights, 0, 100, TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / requestsPerSecond, TimeUnit.MICROSECONDS);
    return this;
  }

  /** From now on {@code share} (0 to 1) of the requests carry {@code headers} (names lower-case), as testers' do. */
  TrafficDriver marked(double share, Map<String, String> headers) {
    markedHeaders = Map.copyOf(headers);
    markedShare = share;
    return this;
  }

  /** From now on {@code share} (0 to 1) of the requests are testers' calls to the service's preview, if it has one. */
  TrafficDriver previewing(double share) {
    previewShare = share;
    return this;
  }

  Map<String, Integer> weights() {
    return route.weights();
  }

  RouteTable route() {
    return route;
  }

  /** The requests users sent to {@code version}, and how many of their answers failed. */
  Tally tally(String version) {
    return tallies.computeIfAbsent(version, v -> new Tally());
  }

  /** The user requests from marked clients that went to {@code version} (counted in {@link #tally} too). */
  Tally marked(String version) {
    return markedTallies.computeIfAbsent(version, v -> new Tally());
  }

  /** The user requests from other clients that went to {@code version} (counted in {@link #tally} too). */
  Tally unmarked(String version) {
    return unmarkedTallies.computeIfAbsent(version, v -> new Tally());
  }

  /** The copies of requests mirrored to {@code version}; their answers reach no user. */
  Tally mirrored(String version) {
    return mirrored.computeIfAbsent(version, v -> new Tally());
  }

  /** The testers' calls to the preview that went to {@code version}; no user request is among them. */
  Tally previewed(String version) {
    return previewed.computeIfAbsent(version, v -> new Tally());
  }

  /** When the first user request went to {@code version}, if one has. */
  Optional<Instant> firstUserRequest(String version) {
    return Optional.ofNullable(firstUserRequest.get(version));
  }

  long unroutable() {
    return unroutable.get();
  }

  private void readWeights() {
    try {
      GenericKubernetesResource vs = virtualService(service);
      if (vs == null) {
        route = RouteTable.weighted(Map.of());
        return;
      }
      List<Map<String, Object>> objects = new ArrayList<>();
      objects.add(live(vs));
      Optional.ofNullable(virtualService(PreviewRoutes.name(service))).map(TrafficDriver::live).ifPresent(objects::add);
      Optional.ofNullable(client.services().inNamespace(namespace).withName(PreviewRoutes.name(service)).get())
          .ifPresent(preview -> objects.add(Map.of("apiVersion", "v1", "kind", "Service", "metadata",
              Map.of("name", preview.getMetadata().getName()), "spec", Map.of("selector",
                  preview.getSpec().getSelector()))));
      route = new IstioRouter().table(Manifests.live(objects), service);
    } catch (RuntimeException e) {
      // The API server is away for a moment: keep routing as last seen, as Envoy keeps its last configuration.
    }
  }

  private GenericKubernetesResource virtualService(String name) {
    return client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace(namespace)
        .withName(name).get();
  }

  private static Map<String, Object> live(GenericKubernetesResource object) {
    return Map.of("apiVersion", object.getApiVersion(), "kind", object.getKind(), "metadata",
        Map.of("name", object.getMetadata().getName()), "spec", object.getAdditionalProperties().get("spec"));
  }

  private void sendOne() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    RouteTable now = route;
    if (now.preview().isPresent() && random.nextDouble() < previewShare) {
      send(now.preview().get(), previewed(now.preview().get()), false);
      return;
    }
    Map<String, String> headers = random.nextDouble() < markedShare ? markedHeaders : Map.of();
    Optional<String> matched = now.matching(headers);
    Optional<String> version = matched.or(() -> now.weighted(random.nextDouble()));
    if (version.isEmpty()) {
      return;
    }
    (headers.isEmpty() ? unmarked(version.get()) : marked(version.get())).sent.incrementAndGet();
    firstUserRequest.putIfAbsent(version.get(), Instant.now());
    send(version.get(), tally(version.get()), true);
    if (matched.isEmpty()) {
      now.mirroredTo(random.nextDouble()).ifPresent(to -> send(to, mirrored(to), false));
    }
  }

  private void send(String version, Tally tally, boolean user) {
    String base = processes.get(version);
    if (base == null) {
      if (user) {
        unroutable.incrementAndGet();
      }
      return;
    }
    tally.sent.incrementAndGet();
    http.sendAsync(HttpRequest.newBuilder(URI.create(base + PATH)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
          if (failure != null || response.statusCode() >= 500) {
            tally.failed.incrementAndGet();
          }
        });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    http.close();
  }
}
