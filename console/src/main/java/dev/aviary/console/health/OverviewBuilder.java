package dev.aviary.console.health;

import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.SyncStatus;
import dev.aviary.console.metrics.Reading;
import dev.aviary.console.metrics.SeriesKey;
import dev.aviary.console.metrics.Signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Joins structure (cluster), signals (metrics) and changes (Git) into the overview's rows. Pure but for restarts. */
final class OverviewBuilder {

  /**
   * The kinds whose absence from the cluster makes a service Missing. Not Jobs: a finished Job may be deleted by its
   * TTL while Git still holds it.
   */
  static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "CronJob");

  /** Everything one overview is built from. */
  record Inputs(ClusterSnapshot cluster, Signals signals, SyncStatus sync, String syncProblem,
                Map<String, CommitInfo> lastChanges, Map<String, Map<String, Integer>> weights) {
  }

  private final HealthProperties limits;
  private final RestartWindow restarts;

  OverviewBuilder(HealthProperties limits, RestartWindow restarts) {
    this.limits = limits;
    this.restarts = restarts;
  }

  Overview build(Inputs in, Instant now) {
    Map<String, SyncStatus.Service> sync = new HashMap<>();
    if (in.sync() != null) {
      in.sync().services().forEach(s -> sync.put(s.name(), s));
    }
    List<ServiceHealth> rows = new ArrayList<>();
    Set<String> inCluster = new HashSet<>();
    Set<String> pods = new HashSet<>();
    for (ServiceWorkload s : in.cluster().services()) {
      inCluster.add(s.name());
      rows.add(service(s, in, sync.get(s.name()), now, pods));
    }
    restarts.retain(pods);
    for (SyncStatus.Service onlyInGit : sync.values()) {
      if (!inCluster.contains(onlyInGit.name()) && onlyInGit.drifts().stream().anyMatch(d -> d.missing()
          && WORKLOADS.contains(d.kind()))) {
        rows.add(new ServiceHealth("", onlyInGit.name(), new Health(HealthStatus.MISSING,
            "in Git but none of its workloads is in the cluster"), List.of(), Restarts.NONE,
            syncState(in.sync(), onlyInGit), in.lastChanges().get(onlyInGit.name())));
      }
    }
    rows.sort(Comparator.comparing((ServiceHealth r) -> r.health().status()).thenComparing(ServiceHealth::namespace)
        .thenComparing(ServiceHealth::name));
    return new Overview(now, in.cluster().connection(), in.signals(), in.syncProblem(), rows);
  }

  private ServiceHealth service(ServiceWorkload s, Inputs in, SyncStatus.Service sync, Instant now, Set<String> pods) {
    HealthProperties.SignalLimits limit = limits.limitsFor(s.name());
    Map<String, Integer> weights = in.weights().getOrDefault(s.name(), Map.of());
    List<VersionHealth> versions = new ArrayList<>();
    Restarts restarted = Restarts.NONE;
    for (VersionWorkload v : s.versions()) {
      SeriesKey key = new SeriesKey(s.name(), v.version());
      Reading rate = in.signals().reading(Signal.REQUEST_RATE, key);
      Reading errors = in.signals().reading(Signal.ERROR_RATIO, key);
      Reading p99 = in.signals().reading(Signal.P99_LATENCY, key);
      Health health = HealthRules.version(v, now).worst(judge(v.version(), rate, errors, p99, limit));
      versions.add(new VersionHealth(v.version(), v.image(), v.ready(), v.desired(), weights.get(v.version()), rate,
          errors, p99, health));
      for (var pod : v.pods()) {
        String podKey = s.namespace() + "/" + pod.name();
        pods.add(podKey);
        restarted = restarted.plus(restarts.observe(podKey, pod, now));
      }
    }
    List<PartHealth> parts = PartHealthRules.of(s.parts(), now);
    for (var statefulSet : s.parts().statefulSets()) {
      for (var pod : statefulSet.pods()) {
        String podKey = s.namespace() + "/" + pod.name();
        pods.add(podKey);
        restarted = restarted.plus(restarts.observe(podKey, pod, now));
      }
    }
    List<Health> all = new ArrayList<>(versions.stream().map(VersionHealth::health).toList());
    parts.forEach(p -> all.add(p.health()));
    Health health = all.isEmpty() ? new Health(HealthStatus.UNKNOWN, "no workloads")
        : Health.worstOf(all.getFirst(), all);
    if (sync != null) {
      health = health.worst(missing(sync, s));
    }
    health = attributed(health, versions, parts, s);
    return new ServiceHealth(s.namespace(), s.name(), health, versions, restarted, syncState(in.sync(), sync),
        in.lastChanges().get(s.name()), parts);
  }

  /**
   * Names the version a problem is in (a part's problem names the part already), and sums up a healthy service
   * rather than quoting one version.
   */
  private static Health attributed(Health health, List<VersionHealth> versions, List<PartHealth> parts,
                                   ServiceWorkload s) {
    if (health.status() == HealthStatus.HEALTHY && versions.isEmpty()) {
      return parts.size() == 1 ? parts.getFirst().health() : Health.healthy(parts.size() + " workloads healthy");
    }
    if (health.status() == HealthStatus.HEALTHY) {
      return Health.healthy(s.versions().stream().mapToInt(v -> v.rollout().available()).sum() + " of "
          + s.desired() + " replicas available" + (parts.isEmpty() ? "" : ", " + parts.size() + " more workloads"
          + " healthy"));
    }
    String culprit = versions.size() < 2 ? "" : versions.stream().filter(v -> v.health().equals(health))
        .map(VersionHealth::version).findFirst().orElse("");
    return culprit.isEmpty() || health.reason().startsWith(culprit) ? health
        : new Health(health.status(), culprit + ": " + health.reason());
  }

  /** Golden signals above their limits degrade a version, once it has enough traffic to judge. */
  static Health judge(String version, Reading rate, Reading errors, Reading p99,
                      HealthProperties.SignalLimits limit) {
    if (!(rate instanceof Reading.Value(double perSecond)) || perSecond < limit.minRequestRate()) {
      return Health.healthy("too little traffic to judge");
    }
    if (errors instanceof Reading.Value(double ratio) && ratio > limit.errorRatio()) {
      return new Health(HealthStatus.DEGRADED, version + " fails " + percent(ratio) + " of requests, above the "
          + percent(limit.errorRatio()) + " limit");
    }
    if (p99 instanceof Reading.Value(double millis) && millis > limit.p99Millis()) {
      return new Health(HealthStatus.DEGRADED, version + " p99 latency " + Math.round(millis) + " ms, above the "
          + Math.round(limit.p99Millis()) + " ms limit");
    }
    return Health.healthy("golden signals within limits");
  }

  /** A workload Git names that the live snapshot lacks (the comparison may be older than the snapshot). */
  private static Health missing(SyncStatus.Service sync, ServiceWorkload live) {
    Set<String> present = new HashSet<>();
    live.versions().forEach(v -> present.add("Deployment/" + v.deployment()));
    live.parts().statefulSets().forEach(p -> present.add("StatefulSet/" + p.name()));
    live.parts().daemonSets().forEach(p -> present.add("DaemonSet/" + p.name()));
    live.parts().cronJobs().forEach(p -> present.add("CronJob/" + p.name()));
    return sync.drifts().stream().filter(d -> d.missing() && WORKLOADS.contains(d.kind()))
        .filter(d -> !present.contains(d.kind() + "/" + d.name())).findFirst()
        .map(d -> new Health(HealthStatus.MISSING, d.kind() + " " + d.name() + " is in Git but not in the cluster"))
        .orElse(Health.healthy("every workload in Git is in the cluster"));
  }

  private static SyncState syncState(SyncStatus status, SyncStatus.Service service) {
    if (status == null) {
      return SyncState.NOT_CHECKED;
    }
    if (service == null) {
      return new SyncState(SyncState.Kind.NOT_IN_GIT, "no manifest in Git names this service");
    }
    if (service.synced()) {
      return new SyncState(SyncState.Kind.SYNCED, "matches Git at " + status.commit().substring(0,
          Math.min(8, status.commit().length())));
    }
    return new SyncState(SyncState.Kind.OUT_OF_SYNC, service.drifts().size() + " object"
        + (service.drifts().size() == 1 ? "" : "s") + " differ from Git: " + service.drifts().getFirst().describe());
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }
}
