package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.AutoscalerState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.EventInfo;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.Rollout;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Reads the parts of Deployment, Pod, autoscaler and Event status that health is judged on. */
final class StatusReader {

  private StatusReader() {
  }

  static Rollout rollout(Deployment d) {
    DeploymentStatus s = d.getStatus();
    int desired = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    if (s == null) {
      return new Rollout(desired, 0, 0, 0, 0, false, paused, List.of());
    }
    long generation = Objects.requireNonNullElse(d.getMetadata().getGeneration(), 0L);
    boolean observed = s.getObservedGeneration() != null && s.getObservedGeneration() >= generation;
    List<Condition> conditions = s.getConditions().stream().map(c -> new Condition(c.getType(), c.getStatus(),
        nonNull(c.getReason()), nonNull(c.getMessage()), time(c.getLastTransitionTime()))).toList();
    return new Rollout(desired, count(s.getReplicas()), count(s.getUpdatedReplicas()), count(s.getReadyReplicas()),
        count(s.getAvailableReplicas()), observed, paused, conditions);
  }

  static PodState pod(Pod pod) {
    var status = pod.getStatus();
    List<ContainerStatus> containers = status == null ? List.of() : status.getContainerStatuses();
    boolean ready = status != null && status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    int restarts = containers.stream().mapToInt(c -> count(c.getRestartCount())).sum();
    String waiting = containers.stream().map(c -> c.getState() == null || c.getState().getWaiting() == null ? null
        : c.getState().getWaiting().getReason()).filter(Objects::nonNull).findFirst().orElse("");
    Instant lastRestart = containers.stream().map(c -> c.getLastState() == null
            || c.getLastState().getTerminated() == null ? null : time(c.getLastState().getTerminated().getFinishedAt()))
        .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    return new PodState(pod.getMetadata().getName(), status == null ? "Pending" : nonNull(status.getPhase()), ready,
        restarts, waiting, time(pod.getMetadata().getCreationTimestamp()), lastRestart,
        nonNull(pod.getSpec() == null ? null : pod.getSpec().getNodeName()),
        pod.getMetadata().getDeletionTimestamp() != null);
  }

  static AutoscalerState autoscaler(HorizontalPodAutoscaler hpa) {
    var status = hpa.getStatus();
    List<Condition> conditions = status == null ? List.of() : status.getConditions().stream()
        .map(c -> new Condition(c.getType(), c.getStatus(), nonNull(c.getReason()), nonNull(c.getMessage()),
            time(c.getLastTransitionTime()))).toList();
    return new AutoscalerState(hpa.getMetadata().getName(), Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1),
        count(hpa.getSpec().getMaxReplicas()), status == null ? 0 : count(status.getCurrentReplicas()),
        status == null ? 0 : count(status.getDesiredReplicas()), conditions);
  }

  static EventInfo event(Event e) {
    Instant seen = Stream.of(e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(),
            e.getFirstTimestamp(), e.getMetadata().getCreationTimestamp())
        .map(StatusReader::time).filter(Objects::nonNull).findFirst().orElse(Instant.EPOCH);
    return new EventInfo(nonNull(e.getType()), nonNull(e.getReason()), nonNull(e.getMessage()),
        nonNull(e.getInvolvedObject().getKind()), nonNull(e.getInvolvedObject().getName()),
        Math.max(1, count(e.getCount())), seen);
  }

  /** Kubernetes writes RFC 3339 times; an unreadable one is treated as unknown rather than failing the snapshot. */
  static Instant time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A count the API server left out (it omits zeros): 0. */
  static int count(Integer value) {
    return value == null ? 0 : value;
  }

  /** A string the API server left out: empty. */
  static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
