package dev.aviary.console.simulation;

import dev.aviary.console.routing.RouteTable;
import dev.aviary.console.routing.TrafficRouting;

import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.metrics.Counts;
import dev.aviary.console.metrics.CountsResult;
import dev.aviary.console.metrics.MetricsSource;
import dev.aviary.console.metrics.RangeResult;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Golden signals for the sandbox, which has no Prometheus: the {@link TrafficModel} fed with the sandbox's live
 * routes, weights, images and readiness. Each service's inputs are recorded whenever they change, so a chart of the
 * last hour shows what the model said at each moment, and nothing before the sandbox started.
 */
final class SimulatedMetrics implements MetricsSource.Fallback, AutoCloseable {

  private static final Duration KEEP = Duration.ofHours(6);
  /** platform-app's latency histogram bounds, in milliseconds. */
  private static final double[] BUCKETS_MILLIS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
      Double.POSITIVE_INFINITY};

  private record Change(Instant from, TrafficModel.ServiceInputs inputs) {
  }

  private final TrafficRouting routing;
  private final Clock clock;
  private final Map<String, List<Change>> timelines = new ConcurrentHashMap<>();
  private final ClusterState.Subscription subscription;

  SimulatedMetrics(ClusterState cluster, TrafficRouting routing, Clock clock) {
    this.routing = routing;
    this.clock = clock;
    record(cluster.snapshot());
    this.subscription = cluster.subscribe(this::record);
  }

  private void record(ClusterSnapshot snapshot) {
    Instant now = clock.instant();
    Map<String, RouteTable> routes = routing.liveTables(snapshot.objects(),
        snapshot.services().stream().map(ServiceWorkload::name).toList());
    for (ServiceWorkload s : snapshot.services()) {
      Map<String, TrafficModel.VersionInputs> versions = new TreeMap<>();
      for (VersionWorkload v : s.versions()) {
        versions.put(v.version(), new TrafficModel.VersionInputs(v.image(), Math.min(v.ready(), v.desired())));
      }
      var inputs = new TrafficModel.ServiceInputs(versions, routes.getOrDefault(s.name(), TrafficModel.UNROUTED));
      List<Change> timeline = timelines.computeIfAbsent(s.name(), k -> new ArrayList<>());
      synchronized (timeline) {
        if (timeline.isEmpty() || !timeline.getLast().inputs().equals(inputs)) {
          timeline.add(new Change(now, inputs));
        }
        while (timeline.size() > 1 && timeline.get(1).from().isBefore(now.minus(KEEP))) {
          timeline.removeFirst();
        }
      }
    }
  }

  @Override
  public String description() {
    return "simulated by the sandbox's traffic model";
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public SignalResult instant(Signal signal, Duration window) {
    Instant now = clock.instant();
    Map<SeriesKey, Reading> readings = new HashMap<>();
    timelines.forEach((service, timeline) -> {
      TrafficModel.ServiceInputs in = inputsAt(timeline, now);
      if (in != null) {
        in.versions().keySet().forEach(version -> readings.put(new SeriesKey(service, version),
            reading(TrafficModel.value(signal, service, version, in, now))));
      }
    });
    return new SignalResult(signal, now, readings, null);
  }

  private static Reading reading(double value) {
    return Double.isNaN(value) ? new Reading.NoData("no requests routed to this version") : new Reading.Value(value);
  }

  @Override
  public RangeResult range(Signal signal, String service, Duration window, Instant from, Instant to, Duration step) {
    List<Change> timeline = timelines.getOrDefault(service, List.of());
    Map<String, List<RangeResult.Point>> byVersion = new LinkedHashMap<>();
    for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
      TrafficModel.ServiceInputs in = inputsAt(timeline, t);
      if (in == null) {
        continue;
      }
      for (String version : in.versions().keySet()) {
        byVersion.computeIfAbsent(version, v -> new ArrayList<>())
            .add(new RangeResult.Point(t, TrafficModel.value(signal, service, version, in, t)));
      }
    }
    return new RangeResult(signal, service, byVersion, null);
  }

  /**
   * The model's expected counts, summed second by second over the window: requests, errors, and a histogram with
   * platform-app's bucket bounds. Being expectations they carry no noise of their own beyond the model's.
   */
  @Override
  public CountsResult counts(String service, Duration window) {
    List<Change> timeline = timelines.getOrDefault(service, List.of());
    Instant now = clock.instant();
    Map<String, double[]> sums = new TreeMap<>();
    for (Instant t = now.minus(window); t.isBefore(now); t = t.plusSeconds(1)) {
      TrafficModel.ServiceInputs in = inputsAt(timeline, t);
      if (in == null) {
        continue;
      }
      for (String version : in.versions().keySet()) {
        double requests = TrafficModel.value(Signal.REQUEST_RATE, service, version, in, t);
        if (requests > 0) {
          add(sums.computeIfAbsent(version, v -> new double[2 + BUCKETS_MILLIS.length]), requests,
              TrafficModel.value(Signal.ERROR_RATIO, service, version, in, t),
              TrafficModel.value(Signal.P99_LATENCY, service, version, in, t));
        }
      }
    }
    Map<String, Counts> counts = new TreeMap<>();
    sums.forEach((version, sum) -> {
      NavigableMap<Double, Double> histogram = new TreeMap<>();
      for (int i = 0; i < BUCKETS_MILLIS.length; i++) {
        histogram.put(BUCKETS_MILLIS[i], sum[2 + i]);
      }
      counts.put(version, new Counts(sum[0], sum[1], histogram));
    });
    return new CountsResult(counts, null);
  }

  private static void add(double[] sum, double requests, double errorRatio, double p99Millis) {
    sum[0] += requests;
    sum[1] += requests * errorRatio;
    for (int i = 0; i < BUCKETS_MILLIS.length; i++) {
      sum[2 + i] += requests * TrafficModel.shareAtMost(p99Millis, BUCKETS_MILLIS[i]);
    }
  }

  private static TrafficModel.ServiceInputs inputsAt(List<Change> timeline, Instant at) {
    synchronized (timeline) {
      TrafficModel.ServiceInputs found = null;
      for (Change c : timeline) {
        if (c.from().isAfter(at)) {
          break;
        }
        found = c.inputs();
      }
      return found;
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
