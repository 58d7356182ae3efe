package dev.aviary.console.health;

import dev.aviary.console.cluster.ClaimState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.CronJobState;
import dev.aviary.console.cluster.DaemonSetState;
import dev.aviary.console.cluster.JobState;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.StatefulSetState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.aviary.console.health.HealthStatus.DEGRADED;
import static dev.aviary.console.health.HealthStatus.HEALTHY;
import static dev.aviary.console.health.HealthStatus.PROGRESSING;
import static dev.aviary.console.health.HealthStatus.SUSPENDED;
import static dev.aviary.console.health.HealthStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PartHealthRulesTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  static PodState pod(String name, boolean ready, Duration age) {
    return new PodState(name, "Running", ready, 0, "", NOW.minus(age), null, "node-1", false);
  }

  static StatefulSetState sts(int desired, int ready, int updated, String current, String update, int partition,
                              PodState... pods) {
    return new StatefulSetState("postgresql", desired, ready, desired, updated, current, update, partition, false,
        true, List.of(pods));
  }

  static Stream<Arguments> statefulSets() {
    return Stream.of(
        argumentSet("all pods ready at one revision", sts(3, 3, 3, "pg-1", "pg-1", 0), HEALTHY, "3 of 3 pods ready"),
        argumentSet("new spec not yet observed", new StatefulSetState("postgresql", 1, 1, 1, 1, "pg-1", "pg-1", 0,
            false, false, List.of()), PROGRESSING, "waiting for the controller to see the new spec"),
        argumentSet("a pod still starting", sts(2, 1, 2, "pg-1", "pg-1", 0, pod("postgresql-1", false,
            Duration.ofSeconds(20))), PROGRESSING, "1 of 2 pods ready"),
        argumentSet("a pod running but never ready", sts(1, 0, 1, "pg-1", "pg-1", 0, pod("postgresql-0", false,
            Duration.ofMinutes(10))), DEGRADED, "pod postgresql-0 running but not ready"),
        argumentSet("rolling update under way", sts(3, 3, 1, "pg-1", "pg-2", 0), PROGRESSING,
            "rolling update, 1 of 3 pods at revision pg-2"),
        argumentSet("partitioned rollout waiting for the ordinals above the partition", sts(3, 3, 0, "pg-1", "pg-2",
            2), PROGRESSING, "partitioned rollout, 0 of 1 pods above partition 2 updated"),
        argumentSet("partitioned rollout done", sts(3, 3, 1, "pg-1", "pg-2", 2), HEALTHY,
            "partitioned rollout done, 1 pods at the new revision, 2 held back"),
        argumentSet("OnDelete strategy is never rolling", new StatefulSetState("redis", 1, 1, 1, 0, "r-1", "r-2", 0,
            true, true, List.of()), HEALTHY, "OnDelete strategy"));
  }

  @ParameterizedTest
  @MethodSource("statefulSets")
  void a_stateful_set_is_as_healthy_as_its_pods_and_revisions(StatefulSetState s, HealthStatus status, String why) {
    assertHealth(PartHealthRules.statefulSet(s, NOW), status, why);
  }

  static Stream<Arguments> daemonSets() {
    return Stream.of(
        argumentSet("every node runs it", new DaemonSetState("agent", 3, 3, 3, 3, 3, 0, false, true), HEALTHY,
            "3 of 3 nodes available"),
        argumentSet("rolling out", new DaemonSetState("agent", 3, 3, 1, 3, 3, 0, false, true), PROGRESSING,
            "1 of 3 nodes updated"),
        argumentSet("pods unavailable", new DaemonSetState("agent", 3, 3, 3, 2, 2, 0, false, true), PROGRESSING,
            "2 of 3 nodes available"),
        argumentSet("not observed", new DaemonSetState("agent", 3, 3, 3, 3, 3, 0, false, false), PROGRESSING,
            "waiting for the controller"));
  }

  @ParameterizedTest
  @MethodSource("daemonSets")
  void a_daemon_set_is_healthy_when_every_node_runs_its_current_pod(DaemonSetState d, HealthStatus status,
                                                                    String why) {
    assertHealth(PartHealthRules.daemonSet(d), status, why);
  }

  static ClaimState claim(String phase, String problem, Duration age) {
    return new ClaimState("data-postgresql-0", phase, "standard", "10Gi", phase.equals("Pending") ? "" : "pv-1",
        problem, NOW.minus(age));
  }

  static Stream<Arguments> claims() {
    return Stream.of(
        argumentSet("bound", claim("Bound", "", Duration.ofHours(1)), HEALTHY, "bound to pv-1"),
        argumentSet("lost its volume", claim("Lost", "", Duration.ofHours(1)), DEGRADED, "lost its volume"),
        argumentSet("pending, just made", claim("Pending", "", Duration.ofSeconds(5)), PROGRESSING,
            "waiting for a volume"),
        argumentSet("pending with a provisioning warning", claim("Pending", "ProvisioningFailed: storageclass"
            + " \"fast\" not found", Duration.ofSeconds(5)), DEGRADED, "pending: ProvisioningFailed: storageclass"),
        argumentSet("pending for too long", claim("Pending", "", Duration.ofMinutes(10)), DEGRADED,
            "pending for over 3 minutes"),
        argumentSet("an unknown phase", claim("Resizing", "", Duration.ZERO), UNKNOWN, "in phase 'Resizing'"));
  }

  @ParameterizedTest
  @MethodSource("claims")
  void a_volume_claim_is_healthy_when_bound_and_degraded_when_it_cannot_be(ClaimState c, HealthStatus status,
                                                                            String why) {
    assertHealth(PartHealthRules.claim(c, NOW), status, why);
  }

  static JobState job(String name, int active, int succeeded, boolean suspended, Condition... conditions) {
    return new JobState(name, active, succeeded, 0, 1, suspended, List.of(conditions), NOW.minusSeconds(60), null);
  }

  static final Condition COMPLETE = new Condition("Complete", "True", "", "", NOW);
  static final Condition FAILED = new Condition("Failed", "True", "BackoffLimitExceeded",
      "Job has reached the specified backoff limit", NOW);

  static Stream<Arguments> jobs() {
    return Stream.of(
        argumentSet("completed", job("migrate", 0, 1, false, COMPLETE), HEALTHY, "Job migrate completed"),
        argumentSet("failed", job("migrate", 0, 0, false, FAILED), DEGRADED,
            "Job migrate failed: Job has reached the specified backoff limit"),
        argumentSet("running", job("migrate", 1, 0, false), PROGRESSING, "running: 0 of 1 succeeded"),
        argumentSet("suspended", job("migrate", 0, 0, true), SUSPENDED, "suspended"));
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void a_job_is_judged_by_its_end_condition(JobState j, HealthStatus status, String why) {
    assertHealth(PartHealthRules.job(j), status, why);
  }

  static Stream<Arguments> cronJobs() {
    JobState failedEarlier = new JobState("vacuum-1", 0, 0, 1, 1, false, List.of(FAILED), NOW.minusSeconds(7200),
        null);
    JobState succeededLater = new JobState("vacuum-2", 0, 1, 0, 1, false, List.of(COMPLETE), NOW.minusSeconds(3600),
        NOW.minusSeconds(3500));
    return Stream.of(
        argumentSet("never run", new CronJobState("vacuum", "0 3 * * *", false, null, null, List.of()), HEALTHY,
            "not run yet (schedule 0 3 * * *)"),
        argumentSet("the last run failed", new CronJobState("vacuum", "@hourly", false, NOW, null,
            List.of(succeededLater, new JobState("vacuum-3", 0, 0, 1, 1, false, List.of(FAILED), NOW, null))),
            DEGRADED, "last run vacuum-3 failed"),
        argumentSet("an old failure followed by a success", new CronJobState("vacuum", "@hourly", false, NOW, NOW,
            List.of(succeededLater, failedEarlier)), HEALTHY, "last run vacuum-2 succeeded"),
        argumentSet("suspended", new CronJobState("vacuum", "@hourly", true, null, null, List.of()), SUSPENDED,
            "suspended"));
  }

  @ParameterizedTest
  @MethodSource("cronJobs")
  void a_cron_job_is_as_healthy_as_its_last_run(CronJobState c, HealthStatus status, String why) {
    assertHealth(PartHealthRules.cronJob(c), status, why);
  }

  static void assertHealth(Health health, HealthStatus status, String why) {
    assertThat(health.status()).as(health.reason()).isEqualTo(status);
    assertThat(health.reason()).contains(why);
  }
}
