package dev.aviary.console.health;

import dev.aviary.console.cluster.AutoscalerState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.Rollout;
import dev.aviary.console.cluster.VersionWorkload;
import org.junit.jupiter.api.Test;
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

class HealthRulesTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final Condition COMPLETE = new Condition("Progressing", "True", "NewReplicaSetAvailable", "done", NOW);

  static Rollout rollout(int desired, int replicas, int updated, int available, Condition... conditions) {
    return new Rollout(desired, replicas, updated, available, available, true, false, List.of(conditions));
  }

  static Stream<Arguments> deployments() {
    return Stream.of(
        argumentSet("all replicas available", rollout(3, 3, 3, 3, COMPLETE), HEALTHY, "3 of 3 replicas available"),
        argumentSet("paused", new Rollout(3, 3, 3, 3, 3, true, true, List.of()), SUSPENDED, "rollout paused"),
        argumentSet("new spec not yet observed", new Rollout(3, 3, 3, 3, 3, false, false, List.of()), PROGRESSING,
            "waiting for the Deployment controller"),
        argumentSet("progress deadline exceeded", rollout(3, 4, 1, 3, new Condition("Progressing", "False",
            "ProgressDeadlineExceeded", "ReplicaSet \"w-1\" has timed out progressing.", NOW)), DEGRADED,
            "rollout stuck: exceeded its progress deadline (ReplicaSet \"w-1\" has timed out progressing.)"),
        argumentSet("new template on some replicas", rollout(4, 5, 2, 3), PROGRESSING, "2 of 4 replicas updated"),
        argumentSet("old replicas still terminating", rollout(2, 3, 2, 2), PROGRESSING,
            "1 old replicas pending termination"),
        argumentSet("replicas unavailable", rollout(4, 4, 4, 1, COMPLETE), PROGRESSING, "3 of 4 replicas unavailable"),
        argumentSet("scaled to zero", rollout(0, 0, 0, 0), HEALTHY, "scaled to zero"));
  }

  @ParameterizedTest
  @MethodSource("deployments")
  void deployment_health_follows_its_status_and_conditions(Rollout rollout, HealthStatus status, String reason) {
    Health health = HealthRules.deployment(rollout);
    assertThat(health.status()).isEqualTo(status);
    assertThat(health.reason()).contains(reason);
  }

  static PodState pod(String phase, boolean ready, int restarts, String waiting, Duration age) {
    return new PodState("w-1-abc", phase, ready, restarts, waiting, NOW.minus(age), null, "node-1", false);
  }

  static Stream<Arguments> pods() {
    Duration old = Duration.ofHours(2);
    return Stream.of(
        argumentSet("running and ready", pod("Running", true, 0, "", old), HEALTHY, "ready"),
        argumentSet("crash-looping", pod("Running", false, 7, "CrashLoopBackOff", old), DEGRADED,
            "pod w-1-abc is crash-looping (7 restarts)"),
        argumentSet("image cannot be pulled", pod("Pending", false, 0, "ImagePullBackOff", Duration.ofSeconds(30)),
            DEGRADED, "cannot start: ImagePullBackOff"),
        argumentSet("pending", pod("Pending", false, 0, "", Duration.ofSeconds(5)), PROGRESSING, "pending"),
        argumentSet("just started, not ready yet", pod("Running", false, 0, "", Duration.ofSeconds(20)), PROGRESSING,
            "starting, not ready yet"),
        argumentSet("running long and unready", pod("Running", false, 0, "", old), DEGRADED,
            "running but not ready"),
        argumentSet("failed", pod("Failed", false, 0, "", old), DEGRADED, "failed"),
        argumentSet("phase Kubernetes cannot tell", pod("Unknown", false, 0, "", old), UNKNOWN, "'Unknown'"),
        argumentSet("terminating, not ready", new PodState("w-1-abc", "Running", false, 0, "", NOW.minus(old), null,
            "node-1", true), HEALTHY, "terminating"));
  }

  @ParameterizedTest
  @MethodSource("pods")
  void pod_health_follows_phase_readiness_and_waiting_reason(PodState pod, HealthStatus status, String reason) {
    Health health = HealthRules.pod(pod, NOW);
    assertThat(health.status()).isEqualTo(status);
    assertThat(health.reason()).contains(reason);
  }

  static AutoscalerState hpa(int min, int max, int current, Condition... conditions) {
    return new AutoscalerState("webapi-v1", min, max, current, current, List.of(conditions));
  }

  static Stream<Arguments> autoscalers() {
    return Stream.of(
        argumentSet("within its range", hpa(2, 10, 4), HEALTHY, "within 2..10"),
        argumentSet("at its maximum", hpa(2, 10, 10), DEGRADED, "at its maximum of 10 replicas"),
        argumentSet("fixed size is not a maximum to worry about", hpa(3, 3, 3), HEALTHY, "within 3..3"),
        argumentSet("cannot read metrics", hpa(2, 10, 4, new Condition("ScalingActive", "False",
            "FailedGetResourceMetric", "unable to get metrics for resource cpu", NOW)), DEGRADED,
            "cannot compute a scale: unable to get metrics for resource cpu"),
        argumentSet("scaling disabled on purpose", hpa(0, 10, 0, new Condition("ScalingActive", "False",
            "ScalingDisabled", "scaling is disabled since the replica count of the target is zero", NOW)), HEALTHY,
            "within 0..10"),
        argumentSet("cannot scale its target", hpa(2, 10, 4, new Condition("AbleToScale", "False", "FailedGetScale",
            "deployments/webapi-v1 not found", NOW)), DEGRADED, "cannot scale: deployments/webapi-v1 not found"));
  }

  @ParameterizedTest
  @MethodSource("autoscalers")
  void autoscaler_health_follows_its_conditions_and_range(AutoscalerState hpa, HealthStatus status, String reason) {
    Health health = HealthRules.autoscaler(hpa);
    assertThat(health.status()).isEqualTo(status);
    assertThat(health.reason()).contains(reason);
  }

  @Test
  void a_version_is_as_unhealthy_as_its_worst_part_and_says_why() {
    VersionWorkload v = new VersionWorkload("webapi-v1", "v1", "webapi:1", rollout(2, 2, 2, 1, COMPLETE),
        List.of(pod("Running", true, 0, "", Duration.ofHours(1)),
            new PodState("webapi-v1-xyz", "Running", false, 4, "CrashLoopBackOff", NOW.minusSeconds(600), NOW, "n",
                false)),
        hpa(2, 10, 2));

    assertThat(HealthRules.version(v, NOW)).isEqualTo(new Health(DEGRADED,
        "pod webapi-v1-xyz is crash-looping (4 restarts)"));
  }

  @Test
  void a_healthy_version_gives_its_deployment_as_the_reason() {
    VersionWorkload v = new VersionWorkload("webapi-v1", "v1", "webapi:1", rollout(1, 1, 1, 1, COMPLETE),
        List.of(pod("Running", true, 0, "", Duration.ofHours(1))), null);

    assertThat(HealthRules.version(v, NOW)).isEqualTo(Health.healthy("1 of 1 replicas available"));
  }
}
