package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Keeps each ReplicaSet's pods at its replica count and its status in step with them. */
final class ReplicaSetController {

  private static final String COMPONENT = "replicaset-controller";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final SimulatorSettings settings;

  ReplicaSetController(KubernetesClient client, EventRecorder events, SimulatorSettings settings) {
    this.client = client;
    this.events = events;
    this.settings = settings;
  }

  void reconcile(ReplicaSet rs, List<Pod> owned) {
    List<Pod> alive = owned.stream().filter(p -> !Pods.terminating(p)).toList();
    int desired = Objects.requireNonNullElse(rs.getSpec().getReplicas(), 1);
    for (int i = alive.size(); i < desired; i++) {
      Pod pod = client.pods().inNamespace(rs.getMetadata().getNamespace()).resource(newPod(rs, i)).create();
      events.normal(rs, COMPONENT, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
    }
    alive.stream().sorted(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp()).reversed())
        .limit(Math.max(0, alive.size() - desired)).forEach(p -> {
          client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
          events.normal(rs, COMPONENT, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
        });
    updateStatus(rs, alive);
  }

  private Pod newPod(ReplicaSet rs, int index) {
    String suffix = Pods.randomSuffix();
    return new PodBuilder()
        .withNewMetadata().withName(rs.getMetadata().getName() + "-" + suffix)
        .withNamespace(rs.getMetadata().getNamespace())
        .withLabels(rs.getSpec().getTemplate().getMetadata().getLabels())
        .withAnnotations(rs.getSpec().getTemplate().getMetadata().getAnnotations())
        .withOwnerReferences(Pods.controlledBy(rs, "apps/v1", "ReplicaSet"))
        .endMetadata()
        .withSpec(rs.getSpec().getTemplate().getSpec())
        .editSpec().withNodeName("sandbox-node-" + (1 + Math.floorMod(suffix.hashCode() + index, settings.nodes())))
        .endSpec()
        .withStatus(new PodStatusBuilder().withPhase("Pending").build())
        .build();
  }

  private void updateStatus(ReplicaSet rs, List<Pod> alive) {
    int ready = (int) alive.stream().filter(Pods::ready).count();
    ReplicaSetStatus status = new ReplicaSetStatusBuilder().withReplicas(alive.size()).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withFullyLabeledReplicas(alive.size())
        .withObservedGeneration(rs.getMetadata().getGeneration()).build();
    if (!status.equals(rs.getStatus())) {
      ReplicaSet copy = new io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder(rs).withStatus(status).build();
      Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
    }
  }
}
