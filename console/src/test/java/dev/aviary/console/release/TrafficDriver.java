package dev.aviary.console.release;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the mesh does with a service's traffic, for tests: reads the live weights of the service's VirtualService from
 * the API server and sends real HTTP requests to each version's process in that proportion, picked at random per
 * request as Envoy's weighted clusters do. A version with weight but no process is counted, not hidden.
 */
final class TrafficDriver implements AutoCloseable {

  static final String PATH = "/api/v1/documents?size=5";

  private final KubernetesClient client;
  private final String namespace;
  private final String service;
  private final Map<String, String> processes = new ConcurrentHashMap<>();
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  private final AtomicLong unroutable = new AtomicLong();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private volatile Map<String, Integer> weights = Map.of();

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

  Map<String, Integer> weights() {
    return weights;
  }

  Tally tally(String version) {
    return tallies.computeIfAbsent(version, v -> new Tally());
  }

  long unroutable() {
    return unroutable.get();
  }

  private void readWeights() {
    try {
      GenericKubernetesResource route = client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
          .inNamespace(namespace).withName(service).get();
      weights = route == null ? Map.of() : primaryRoute(route);
    } catch (RuntimeException e) {
      // The API server is away for a moment: keep routing as last seen, as Envoy keeps its last configuration.
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> primaryRoute(GenericKubernetesResource route) {
    Map<String, Object> spec = (Map<String, Object>) route.getAdditionalProperties().get("spec");
    List<Map<String, Object>> http = (List<Map<String, Object>>) spec.get("http");
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (Map<String, Object> destination : (List<Map<String, Object>>) http.getFirst().get("route")) {
      Map<String, Object> to = (Map<String, Object>) destination.get("destination");
      Object weight = destination.get("weight");
      weights.put((String) to.get("subset"), weight == null ? 100 : ((Number) weight).intValue());
    }
    return weights;
  }

  private void sendOne() {
    String version = pick(weights);
    if (version == null) {
      return;
    }
    String base = processes.get(version);
    if (base == null) {
      unroutable.incrementAndGet();
      return;
    }
    Tally tally = tally(version);
    tally.sent.incrementAndGet();
    http.sendAsync(HttpRequest.newBuilder(URI.create(base + PATH)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
          if (failure != null || response.statusCode() >= 500) {
            tally.failed.incrementAndGet();
          }
        });
  }

  private static String pick(Map<String, Integer> weights) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total <= 0) {
      return null;
    }
    int draw = ThreadLocalRandom.current().nextInt(total);
    for (Map.Entry<String, Integer> w : weights.entrySet()) {
      draw -= w.getValue();
      if (draw < 0) {
        return w.getKey();
      }
    }
    return null;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    http.close();
  }
}
