package dev.aviary.console.release;

import dev.aviary.console.access.Identity;
import dev.aviary.console.analysis.CanaryCounts;
import dev.aviary.console.analysis.Measurements;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.Intent;
import dev.aviary.console.metrics.CountsResult;
import dev.aviary.console.metrics.MetricsSource;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import dev.aviary.console.routing.RequestMatch;
import dev.aviary.console.routing.TrafficRouting;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The release machine's world in a running console: the live cluster for readiness and weights, the metrics source
 * for the analysis, and the GitOps pipeline for every change, committed by Aviary itself (its committer identity)
 * since the release controller, not a person, decides them.
 */
@Component
class PipelineReleaseWorld implements ReleaseWorld {

  private final ClusterState cluster;
  private final MetricsSource metrics;
  private final ChangePipeline pipeline;
  private final ReleaseChanges changes;
  private final TrafficRouting routing;
  private final Identity controller;

  PipelineReleaseWorld(ClusterState cluster, MetricsSource metrics, ChangePipeline pipeline, ReleaseChanges changes,
                       TrafficRouting routing, GitProperties git) {
    this.cluster = cluster;
    this.metrics = metrics;
    this.pipeline = pipeline;
    this.changes = changes;
    this.routing = routing;
    this.controller = git.committer().identity();
  }

  @Override
  public Optional<String> canaryNotReady(ReleaseSpec release) {
    Optional<VersionWorkload> canary = version(release, release.canaryVersion());
    if (canary.isEmpty()) {
      return Optional.of("no Deployment " + release.canaryDeployment() + " in the cluster yet");
    }
    VersionWorkload v = canary.get();
    return v.rollout().observed() && v.desired() > 0 && v.fullyReady() ? Optional.empty()
        : Optional.of(v.ready() + " of " + v.desired() + " pods ready");
  }

  @Override
  public Optional<String> stableNotRolledOut(ReleaseSpec release) {
    Optional<VersionWorkload> stable = version(release, release.stableVersion());
    if (stable.isEmpty()) {
      return Optional.of("no Deployment " + release.stableDeployment() + " in the cluster");
    }
    VersionWorkload v = stable.get();
    return release.image().equals(v.image()) && v.rollout().observed() && v.fullyReady() ? Optional.empty()
        : Optional.of(v.updated() + " of " + v.desired() + " pods run " + release.image() + ", " + v.ready()
        + " ready");
  }

  private Optional<VersionWorkload> version(ReleaseSpec release, String version) {
    return cluster.snapshot().services().stream().filter(s -> s.name().equals(release.service()))
        .flatMap(s -> s.versions().stream()).filter(v -> v.version().equals(version)).findFirst();
  }

  @Override
  public Optional<Integer> liveCanaryWeight(ReleaseSpec release) {
    Map<String, Integer> live = routing.live(cluster.snapshot().objects(), release.service());
    int total = live.values().stream().mapToInt(Integer::intValue).sum();
    Integer canary = live.get(release.canaryVersion());
    return canary == null || total == 0 ? Optional.empty() : Optional.of(Math.round(canary * 100f / total));
  }

  @Override
  public Measurements measure(ReleaseSpec release, Duration window) {
    Map<Signal, SignalResult> results = new EnumMap<>(Signal.class);
    for (Signal signal : Signal.values()) {
      results.put(signal, metrics.instant(signal, window));
    }
    return new Measurements(window, version(results, release.service(), release.canaryVersion()),
        version(results, release.service(), release.stableVersion()));
  }

  @Override
  public CanaryCounts count(ReleaseSpec release, Duration counted, Duration timed) {
    CountsResult all = metrics.counts(release.service(), counted);
    if (all.failed()) {
      return CanaryCounts.failed(all.failure());
    }
    boolean warmingUp = timed.isZero() || timed.isNegative();
    CountsResult latency = warmingUp ? new CountsResult(Map.of(), null)
        : timed.equals(counted) ? all : metrics.counts(release.service(), timed);
    if (latency.failed()) {
      return CanaryCounts.failed(latency.failure());
    }
    return new CanaryCounts(all.of(release.canaryVersion()), all.of(release.stableVersion()),
        latency.of(release.canaryVersion()), latency.of(release.stableVersion()), warmingUp, null);
  }

  private static Measurements.Version version(Map<Signal, SignalResult> results, String service, String version) {
    SeriesKey key = new SeriesKey(service, version);
    Reading errors = results.get(Signal.ERROR_RATIO).reading(key);
    Reading p99 = results.get(Signal.P99_LATENCY).reading(key);
    Reading rate = results.get(Signal.REQUEST_RATE).reading(key);
    return new Measurements.Version(errors, p99, rate);
  }

  @Override
  public String setCanaryWeight(ReleaseSpec release, int weight, String why) {
    return submit(changes.setCanaryWeight(release, weight, why), "");
  }

  @Override
  public String routeMatching(ReleaseSpec release, RequestMatch match, String why) {
    return submit(changes.routeMatching(release, match, why), "");
  }

  @Override
  public String mirror(ReleaseSpec release, int percent, String why) {
    return submit(changes.mirror(release, percent, why), "");
  }

  @Override
  public String preview(ReleaseSpec release, String why) {
    return submit(changes.preview(release, why), "");
  }

  @Override
  public String rollBack(ReleaseSpec release, String reason, String figures) {
    return submit(changes.rollBack(release, reason), figures);
  }

  @Override
  public String adoptCanaryTemplate(ReleaseSpec release) {
    return submit(changes.adoptCanaryTemplate(release), "");
  }

  @Override
  public String removeCanary(ReleaseSpec release) {
    return submit(changes.removeCanary(release), "");
  }

  /** The commit, or "" when Git already said so; a refused apply is retried by the pipeline and is no reason to stop. */
  private String submit(Intent intent, String body) {
    ChangeResult result = pipeline.submit(new Change(intent, controller, body));
    return result.state() == ChangeResult.State.NO_CHANGE ? "" : result.commit();
  }
}
