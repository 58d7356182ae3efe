package dev.aviary.console.health;

import dev.aviary.console.cluster.AutoscalerState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.Rollout;
import dev.aviary.console.cluster.VersionWorkload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Health per kind, from status alone (no metrics), after Argo CD's rules where they fit an on-call view. */
public final class HealthRules {

  /** A running pod may take this long to pass its readiness probe before it counts as a problem. */
  static final Duration READINESS_GRACE = Duration.ofMinutes(3);

  private HealthRules() {
  }

  public static Health version(VersionWorkload v, Instant now) {
    List<Health> parts = new ArrayList<>();
    parts.add(deployment(v.rollout()));
    v.pods().forEach(p -> parts.add(pod(p, now)));
    v.hpa().ifPresent(h -> parts.add(autoscaler(h)));
    return Health.worstOf(parts.getFirst(), parts);
  }

  static Health deployment(Rollout r) {
    if (r.paused()) {
      return new Health(HealthStatus.SUSPENDED, "rollout paused");
    }
    if (!r.observed()) {
      return new Health(HealthStatus.PROGRESSING, "waiting for the Deployment controller to see the new spec");
    }
    Optional<Condition> progressing = r.condition("Progressing");
    if (progressing.filter(c -> c.isFalse() && "ProgressDeadlineExceeded".equals(c.reason())).isPresent()) {
      return new Health(HealthStatus.DEGRADED, "rollout stuck: exceeded its progress deadline ("
          + progressing.get().message() + ")");
    }
    if (r.desired() == 0 && r.replicas() == 0) {
      return Health.healthy("scaled to zero");
    }
    if (r.updated() < r.desired()) {
      return new Health(HealthStatus.PROGRESSING, "rolling out: " + r.updated() + " of " + r.desired()
          + " replicas updated");
    }
    if (r.replicas() > r.updated()) {
      return new Health(HealthStatus.PROGRESSING, "rolling out: " + (r.replicas() - r.updated())
          + " old replicas pending termination");
    }
    if (r.available() < r.desired()) {
      // Scaling up and losing pods look alike here; the pods tell them apart (young and starting, or old and unready).
      return new Health(HealthStatus.PROGRESSING, (r.desired() - r.available()) + " of " + r.desired()
          + " replicas unavailable");
    }
    return Health.healthy(r.available() + " of " + r.desired() + " replicas available");
  }

  static Health pod(PodState p, Instant now) {
    if (p.terminating()) {
      return Health.healthy("pod " + p.name() + " terminating");
    }
    if (p.crashLooping()) {
      return new Health(HealthStatus.DEGRADED, "pod " + p.name() + " is crash-looping (" + p.restarts()
          + " restarts)");
    }
    if (p.cannotStart()) {
      return new Health(HealthStatus.DEGRADED, "pod " + p.name() + " cannot start: " + p.waitingReason());
    }
    return switch (p.phase()) {
      case "Failed" -> new Health(HealthStatus.DEGRADED, "pod " + p.name() + " failed");
      case "Pending" -> new Health(HealthStatus.PROGRESSING, "pod " + p.name() + " pending");
      case "Running" -> p.ready() ? Health.healthy("pod " + p.name() + " ready") : unready(p, now);
      case "Succeeded" -> Health.healthy("pod " + p.name() + " completed");
      default -> new Health(HealthStatus.UNKNOWN, "pod " + p.name() + " in phase '" + p.phase() + "'");
    };
  }

  private static Health unready(PodState p, Instant now) {
    boolean overdue = p.created() != null && Duration.between(p.created(), now).compareTo(READINESS_GRACE) > 0;
    return overdue ? new Health(HealthStatus.DEGRADED, "pod " + p.name() + " running but not ready")
        : new Health(HealthStatus.PROGRESSING, "pod " + p.name() + " starting, not ready yet");
  }

  static Health autoscaler(AutoscalerState h) {
    for (Condition c : h.conditions()) {
      if ("AbleToScale".equals(c.type()) && c.isFalse()) {
        return new Health(HealthStatus.DEGRADED, "autoscaler " + h.name() + " cannot scale: " + c.message());
      }
      if ("ScalingActive".equals(c.type()) && c.isFalse() && !"ScalingDisabled".equals(c.reason())) {
        return new Health(HealthStatus.DEGRADED, "autoscaler " + h.name() + " cannot compute a scale: "
            + c.message());
      }
    }
    if (h.max() > h.min() && h.atMax()) {
      return new Health(HealthStatus.DEGRADED, "autoscaler " + h.name() + " at its maximum of " + h.max()
          + " replicas: no headroom left");
    }
    return Health.healthy("autoscaler " + h.name() + " within " + h.min() + ".." + h.max());
  }
}
