package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves pods through Pending, Running and Ready. Containers whose image tag ends in {@code -broken} run but never
 * pass their readiness probe, and say so in a Warning event, so a bad release looks like one; a pod annotated
 * {@code sandbox.aviary.dev/fail-readiness: "true"} stops passing it.
 */
final class Kubelet {

  private static final String COMPONENT = "kubelet";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final SimulatorSettings settings;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Set<String> reportedUnhealthy = ConcurrentHashMap.newKeySet();

  Kubelet(KubernetesClient client, EventRecorder events, SimulatorSettings settings, Clock clock) {
    this.client = client;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  void reconcile(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (Pods.terminating(pod) || pod.getSpec().getNodeName() == null || "Succeeded".equals(phase)
        || "Failed".equals(phase)) {
      return; // not scheduled yet (its volumes are not bound), or its containers have exited
    }
    Instant seen = firstSeen.computeIfAbsent(pod.getMetadata().getUid(), uid -> clock.instant());
    Duration age = Duration.between(seen, clock.instant());
    boolean running = "Running".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase());
    if (!running && age.compareTo(settings.startDelay()) >= 0 && write(pod, status(pod, false))) {
      events.normal(pod, "default-scheduler", "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace()
          + "/" + pod.getMetadata().getName() + " to " + pod.getSpec().getNodeName());
      for (Container c : pod.getSpec().getContainers()) {
        events.normal(pod, COMPONENT, "Pulled", "Container image \"" + c.getImage() + "\" already present on machine");
        events.normal(pod, COMPONENT, "Started", "Started container " + c.getName());
      }
    } else if (running && Pods.ready(pod) && failingProbe(pod)) {
      write(pod, status(pod, false));
      events.warning(pod, COMPONENT, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503");
    } else if (running && !Pods.ready(pod) && age.compareTo(settings.readyDelay()) >= 0) {
      if (!broken(pod) && !failingProbe(pod)) {
        write(pod, status(pod, true));
      } else if (reportedUnhealthy.add(pod.getMetadata().getUid())) {
        events.warning(pod, COMPONENT, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503");
      }
    }
  }

  void forget(Set<String> liveUids) {
    firstSeen.keySet().retainAll(liveUids);
    reportedUnhealthy.retainAll(liveUids);
  }

  /** A running pod an operator marked to fail its readiness probe from now on, to see how a fault looks. */
  private static boolean failingProbe(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(SimulatorSettings.FAIL_READINESS_ANNOTATION));
  }

  private static boolean broken(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .anyMatch(c -> c.getImage() != null && c.getImage().endsWith(SimulatorSettings.BROKEN_SUFFIX));
  }

  private PodStatus status(Pod pod, boolean ready) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String started = pod.getStatus() != null && pod.getStatus().getStartTime() != null ? pod.getStatus().getStartTime() : now;
    List<ContainerStatus> containers = pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
        .withName(c.getName()).withImage(c.getImage()).withReady(ready).withStarted(true).withRestartCount(0)
        .withNewState().withNewRunning().withStartedAt(started).endRunning().endState().build()).toList();
    return new PodStatusBuilder().withPhase("Running").withStartTime(started)
        .withHostIP("10.0.0." + (1 + Math.floorMod(pod.getSpec().getNodeName().hashCode(), settings.nodes())))
        .withPodIP("10.244." + Math.floorMod(pod.getMetadata().getUid().hashCode(), 250) + "."
            + Math.floorMod(pod.getMetadata().getName().hashCode(), 250))
        .withConditions(Pods.condition("PodScheduled", true, started), Pods.condition("Initialized", true, started),
            Pods.condition("ContainersReady", ready, now), Pods.condition("Ready", ready, now))
        .withContainerStatuses(containers).build();
  }

  private boolean write(Pod pod, PodStatus status) {
    Pod copy = new PodBuilder(pod).withStatus(status).build();
    return Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
  }
}
