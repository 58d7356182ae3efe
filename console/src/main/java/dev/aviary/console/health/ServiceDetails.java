package dev.aviary.console.health;

import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.gitops.GitHistory;
import dev.aviary.console.metrics.MetricsSource;
import dev.aviary.console.metrics.RangeResult;
import dev.aviary.console.metrics.Signal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One service in depth, for its detail page: health, workload, signals over time and recent Git history. */
@Service
public class ServiceDetails {

  /** Points per chart: enough to see a step, few enough to send on every refresh. */
  static final int POINTS = 120;

  private final OverviewService overview;
  private final ClusterState cluster;
  private final MetricsSource metrics;
  private final GitHistory history;
  private final AsyncTaskExecutor executor;

  ServiceDetails(OverviewService overview, ClusterState cluster, MetricsSource metrics, GitHistory history,
                 @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.overview = overview;
    this.cluster = cluster;
    this.metrics = metrics;
    this.history = history;
    this.executor = executor;
  }

  /** A service's overview row with the workload it was built from, as of the latest overview. */
  public record Detail(ServiceHealth health, Optional<ServiceWorkload> workload) {
  }

  public Optional<Detail> detail(Overview current, String namespace, String name) {
    return current.services().stream().filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
        .findFirst().map(row -> new Detail(row, cluster.snapshot().services().stream()
            .filter(w -> w.namespace().equals(namespace) && w.name().equals(name)).findFirst()));
  }

  public Overview current() {
    return overview.current();
  }

  public Runnable subscribe(Consumer<Overview> listener) {
    return overview.subscribe(listener);
  }

  /** Each signal of one service over the last {@code span}, per version; off the caller's thread. */
  public CompletableFuture<Map<Signal, RangeResult>> series(String service, Duration span, Instant to) {
    return CompletableFuture.supplyAsync(() -> {
      Duration step = span.dividedBy(POINTS);
      // Each point covers its step, but never less than a minute: rate() needs several scrapes.
      Duration window = step.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : step;
      Map<Signal, RangeResult> series = new EnumMap<>(Signal.class);
      for (Signal s : Signal.values()) {
        series.put(s, metrics.range(s, service, window, to.minus(span), to, step));
      }
      return series;
    }, executor);
  }

  public String metricsSource() {
    return metrics.simulated() ? "golden signals " + metrics.description() : metrics.description();
  }

  public CompletableFuture<GitHistory.Page> recentChanges(String service) {
    return history.page(new GitHistory.Query(service, "", 0, 10));
  }
}
