package dev.aviary.console.health;

import dev.aviary.console.cluster.ClaimState;
import dev.aviary.console.cluster.CronJobState;
import dev.aviary.console.cluster.DaemonSetState;
import dev.aviary.console.cluster.JobState;
import dev.aviary.console.cluster.StatefulSetState;
import dev.aviary.console.cluster.WorkloadParts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Health of the workloads besides Deployments, after Argo CD's rules (gitops-engine {@code pkg/health}): a StatefulSet
 * by its ready pods and revisions (a partitioned rollout is done when the ordinals above its partition are updated),
 * a DaemonSet by its nodes, a claim by its phase, a Job by its end condition, a CronJob by its last run. Where Argo CD
 * says Progressing forever (a claim that cannot be provisioned), an on-call view says Degraded with the reason.
 */
public final class PartHealthRules {

  /** A claim may wait this long for its volume before it counts as a problem, warning or not. */
  static final Duration PROVISIONING_GRACE = Duration.ofMinutes(3);

  private PartHealthRules() {
  }

  public static List<PartHealth> of(WorkloadParts parts, Instant now) {
    List<PartHealth> all = new ArrayList<>();
    parts.statefulSets().forEach(s -> all.add(new PartHealth("StatefulSet", s.name(), s.ready() + " of " + s.desired()
        + " ready", statefulSet(s, now))));
    parts.daemonSets().forEach(d -> all.add(new PartHealth("DaemonSet", d.name(), d.ready() + " of " + d.desired()
        + " nodes ready", daemonSet(d))));
    parts.claims().forEach(c -> all.add(new PartHealth("PersistentVolumeClaim", c.name(), c.phase()
        + (c.requested().isEmpty() ? "" : ", " + c.requested()) + (c.storageClass().isEmpty() ? ""
        : ", class " + c.storageClass()), claim(c, now))));
    parts.jobs().forEach(j -> all.add(new PartHealth("Job", j.name(), j.succeeded() + " of " + j.completions()
        + " succeeded" + (j.active() > 0 ? ", " + j.active() + " running" : ""), job(j))));
    parts.cronJobs().forEach(c -> all.add(new PartHealth("CronJob", c.name(), "schedule " + c.schedule()
        + (c.lastScheduled() == null ? ", not run yet" : ", last run " + c.lastScheduled()), cronJob(c))));
    return all;
  }

  static Health statefulSet(StatefulSetState s, Instant now) {
    String what = "StatefulSet " + s.name();
    if (!s.observed()) {
      return new Health(HealthStatus.PROGRESSING, what + ": waiting for the controller to see the new spec");
    }
    Health pods = Health.worstOf(Health.healthy(""), s.pods().stream().map(p -> HealthRules.pod(p, now)).toList());
    if (pods.status() == HealthStatus.DEGRADED) {
      return pods;
    }
    if (s.ready() < s.desired()) {
      return new Health(HealthStatus.PROGRESSING, what + ": " + s.ready() + " of " + s.desired() + " pods ready");
    }
    if (s.onDelete()) {
      return Health.healthy(what + ": " + s.ready() + " ready; OnDelete strategy, pods change when deleted");
    }
    if (s.partition() > 0) {
      int toUpdate = Math.max(0, s.desired() - s.partition());
      return s.updated() < toUpdate
          ? new Health(HealthStatus.PROGRESSING, what + ": partitioned rollout, " + s.updated() + " of " + toUpdate
              + " pods above partition " + s.partition() + " updated")
          : Health.healthy(what + ": partitioned rollout done, " + s.updated() + " pods at the new revision, "
              + s.partition() + " held back");
    }
    if (!s.updateRevision().isEmpty() && !s.updateRevision().equals(s.currentRevision())) {
      return new Health(HealthStatus.PROGRESSING, what + ": rolling update, " + s.updated() + " of " + s.desired()
          + " pods at revision " + s.updateRevision());
    }
    return Health.healthy(what + ": " + s.ready() + " of " + s.desired() + " pods ready");
  }

  static Health daemonSet(DaemonSetState d) {
    String what = "DaemonSet " + d.name();
    if (!d.observed()) {
      return new Health(HealthStatus.PROGRESSING, what + ": waiting for the controller to see the new spec");
    }
    if (d.onDelete()) {
      return Health.healthy(what + ": " + d.ready() + " of " + d.desired() + " nodes ready; OnDelete strategy");
    }
    if (d.updated() < d.desired()) {
      return new Health(HealthStatus.PROGRESSING, what + ": rolling out, " + d.updated() + " of " + d.desired()
          + " nodes updated");
    }
    if (d.available() < d.desired()) {
      return new Health(HealthStatus.PROGRESSING, what + ": " + d.available() + " of " + d.desired()
          + " nodes available");
    }
    return Health.healthy(what + ": " + d.available() + " of " + d.desired() + " nodes available");
  }

  static Health claim(ClaimState c, Instant now) {
    String what = "volume claim " + c.name();
    return switch (c.phase()) {
      case "Bound" -> Health.healthy(what + " bound to " + c.volume());
      case "Lost" -> new Health(HealthStatus.DEGRADED, what + " lost its volume " + c.volume());
      case "Pending" -> pending(c, now, what);
      default -> new Health(HealthStatus.UNKNOWN, what + " in phase '" + c.phase() + "'");
    };
  }

  private static Health pending(ClaimState c, Instant now, String what) {
    if (!c.problem().isEmpty()) {
      return new Health(HealthStatus.DEGRADED, what + " pending: " + c.problem());
    }
    boolean overdue = c.created() != null && Duration.between(c.created(), now).compareTo(PROVISIONING_GRACE) > 0;
    return overdue ? new Health(HealthStatus.DEGRADED, what + " pending for over "
        + PROVISIONING_GRACE.toMinutes() + " minutes: no volume provisioned")
        : new Health(HealthStatus.PROGRESSING, what + " pending: waiting for a volume");
  }

  static Health job(JobState j) {
    String what = "Job " + j.name();
    var failed = j.condition("Failed");
    if (failed.isPresent()) {
      return new Health(HealthStatus.DEGRADED, what + " failed: " + failed.get().message());
    }
    if (j.condition("Complete").isPresent()) {
      return Health.healthy(what + " completed");
    }
    if (j.suspended()) {
      return new Health(HealthStatus.SUSPENDED, what + " suspended");
    }
    return new Health(HealthStatus.PROGRESSING, what + " running: " + j.succeeded() + " of " + j.completions()
        + " succeeded");
  }

  static Health cronJob(CronJobState c) {
    String what = "CronJob " + c.name();
    var last = c.lastRun();
    if (last.isPresent() && last.get().condition("Failed").isPresent()) {
      return new Health(HealthStatus.DEGRADED, what + ": last run " + last.get().name() + " failed: "
          + last.get().condition("Failed").get().message());
    }
    if (c.suspended()) {
      return new Health(HealthStatus.SUSPENDED, what + " suspended");
    }
    if (last.isEmpty()) {
      return Health.healthy(what + ": not run yet (schedule " + c.schedule() + ")");
    }
    return Health.healthy(what + ": last run " + last.get().name()
        + (last.get().condition("Complete").isPresent() ? " succeeded" : " running"));
  }
}
