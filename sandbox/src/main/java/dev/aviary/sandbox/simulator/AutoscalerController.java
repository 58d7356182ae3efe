package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of the HorizontalPodAutoscaler controller that needs no metrics: a target Deployment below
 * {@code minReplicas} is scaled up to it and one above {@code maxReplicas} down to it, which the real controller does
 * before it ever reads a metric. The sandbox has no metrics API, so within the bounds it leaves the count alone and
 * says so in the ScalingActive condition rather than pretending to autoscale.
 */
final class AutoscalerController {

  private static final String COMPONENT = "horizontal-pod-autoscaler";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Clock clock;

  AutoscalerController(KubernetesClient client, EventRecorder events, Clock clock) {
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  void reconcile(HorizontalPodAutoscaler hpa, List<Deployment> deployments) {
    var target = hpa.getSpec().getScaleTargetRef();
    Optional<Deployment> deployment = deployments.stream()
        .filter(d -> "Deployment".equals(target.getKind()) && d.getMetadata().getName().equals(target.getName())
            && d.getMetadata().getNamespace().equals(hpa.getMetadata().getNamespace()))
        .findFirst();
    if (deployment.isEmpty()) {
      updateStatus(hpa, 0, 0, condition(hpa, "AbleToScale", false, "FailedGetScale",
          "the HPA controller was unable to get the target's current scale: " + target.getKind() + " "
              + target.getName() + " not found"));
      return;
    }
    Deployment d = deployment.get();
    int current = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
    int max = hpa.getSpec().getMaxReplicas();
    int desired = Math.clamp(current, min, max);
    if (desired != current) {
      rescale(hpa, d, current, desired, desired > current ? "Current number of replicas below Spec.MinReplicas"
          : "Current number of replicas above Spec.MaxReplicas");
    }
    HorizontalPodAutoscalerCondition limited = desired == current
        ? condition(hpa, "ScalingLimited", false, "DesiredWithinRange", "the desired count is within the acceptable range")
        : condition(hpa, "ScalingLimited", true, desired > current ? "TooFewReplicas" : "TooManyReplicas",
            "the desired replica count is " + (desired > current ? "less than the minimum" : "more than the maximum"));
    updateStatus(hpa, current, desired,
        condition(hpa, "AbleToScale", true, "ReadyForNewScale", "recommended size matches current size"),
        // No metrics API here: the autoscaler is active, but only holds replicas within the range, and says so
        // with a reason of its own rather than pretending to have read a metric or reporting a fault.
        condition(hpa, "ScalingActive", true, "SandboxFixedRange",
            "the sandbox has no metrics API: replicas are kept within minReplicas..maxReplicas only"),
        limited);
  }

  private void rescale(HorizontalPodAutoscaler hpa, Deployment d, int from, int to, String reason) {
    boolean done = Writes.ignoringConflicts(() -> client.apps().deployments()
        .inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + to + "}}"));
    if (done) {
      events.normal(hpa, COMPONENT, "SuccessfulRescale", "New size: " + to + "; reason: " + reason
          + " (was " + from + ")");
    }
  }

  private void updateStatus(HorizontalPodAutoscaler hpa, int current, int desired,
                            HorizontalPodAutoscalerCondition... conditions) {
    HorizontalPodAutoscalerStatus status = new HorizontalPodAutoscalerStatusBuilder()
        .withCurrentReplicas(current).withDesiredReplicas(desired)
        .withObservedGeneration(hpa.getMetadata().getGeneration())
        .withConditions(conditions).build();
    if (!status.equals(hpa.getStatus())) {
      HorizontalPodAutoscaler copy = new HorizontalPodAutoscalerBuilder(hpa).withStatus(status).build();
      Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
    }
  }

  /** Keeps the transition time of a condition whose status did not change, as the real controller does. */
  private HorizontalPodAutoscalerCondition condition(HorizontalPodAutoscaler hpa, String type, boolean status,
                                                     String reason, String message) {
    String value = status ? "True" : "False";
    Optional<HorizontalPodAutoscalerCondition> previous = hpa.getStatus() == null ? Optional.empty()
        : hpa.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    String since = previous.filter(p -> value.equals(p.getStatus())).map(HorizontalPodAutoscalerCondition::getLastTransitionTime)
        .orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return new HorizontalPodAutoscalerCondition(since, message, reason, value, type);
  }
}
