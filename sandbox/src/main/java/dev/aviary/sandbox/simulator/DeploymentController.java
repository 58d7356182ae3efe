package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Deployment's rollout: one ReplicaSet per pod template (named by a hash of it, like {@code pod-template-hash}),
 * the new one scaled to the desired count, the old ones scaled down once the new one is ready, and the status and
 * conditions (Available, Progressing, ProgressDeadlineExceeded) a real controller reports.
 */
final class DeploymentController {

  private static final String COMPONENT = "deployment-controller";
  private static final String HASH_LABEL = "pod-template-hash";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Clock clock;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();

  /** When the new ReplicaSet last gained a ready pod: the clock for the progress deadline. */
  private record Progress(String replicaSet, int ready, Instant since) {
  }

  DeploymentController(KubernetesClient client, EventRecorder events, Clock clock) {
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  void reconcile(Deployment d, List<ReplicaSet> owned) {
    int desired = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    String name = d.getMetadata().getName() + "-" + templateHash(d.getSpec().getTemplate());
    Optional<ReplicaSet> current = owned.stream().filter(rs -> rs.getMetadata().getName().equals(name)).findFirst();
    if (current.isEmpty()) {
      client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).resource(newReplicaSet(d, name, desired))
          .create();
      events.normal(d, COMPONENT, "ScalingReplicaSet", "Scaled up replica set " + name + " to " + desired);
      return;
    }
    ReplicaSet fresh = current.get();
    scale(d, fresh, desired);
    int freshReady = readyOf(fresh);
    for (ReplicaSet old : owned) {
      if (old != fresh && replicasOf(old) > 0 && (freshReady >= desired || desired == 0)) {
        scale(d, old, 0);
      }
    }
    updateStatus(d, fresh, owned, desired);
  }

  void forget(java.util.Set<String> liveUids) {
    progress.keySet().retainAll(liveUids);
  }

  private void scale(Deployment d, ReplicaSet rs, int replicas) {
    int from = replicasOf(rs);
    if (from == replicas) {
      return;
    }
    client.apps().replicaSets().inNamespace(rs.getMetadata().getNamespace()).withName(rs.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
    events.normal(d, COMPONENT, "ScalingReplicaSet", "Scaled " + (replicas > from ? "up" : "down") + " replica set "
        + rs.getMetadata().getName() + " from " + from + " to " + replicas);
  }

  private ReplicaSet newReplicaSet(Deployment d, String name, int desired) {
    String hash = name.substring(name.lastIndexOf('-') + 1);
    PodTemplateSpec template = new PodTemplateSpecBuilder(d.getSpec().getTemplate()).editOrNewMetadata()
        .addToLabels(HASH_LABEL, hash).endMetadata().build();
    Map<String, String> selector = new HashMap<>(d.getSpec().getSelector().getMatchLabels());
    selector.put(HASH_LABEL, hash);
    return new ReplicaSetBuilder()
        .withNewMetadata().withName(name).withNamespace(d.getMetadata().getNamespace())
        .withLabels(template.getMetadata().getLabels())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
            .withName(d.getMetadata().getName()).withUid(d.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata()
        .withNewSpec().withReplicas(desired).withNewSelector().withMatchLabels(selector).endSelector()
        .withTemplate(template).endSpec()
        .build();
  }

  private void updateStatus(Deployment d, ReplicaSet fresh, List<ReplicaSet> owned, int desired) {
    int replicas = owned.stream().mapToInt(rs -> statusReplicas(rs)).sum();
    int ready = owned.stream().mapToInt(DeploymentController::readyOf).sum();
    int updated = statusReplicas(fresh);
    boolean complete = readyOf(fresh) >= desired && replicas == updated;
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    DeploymentStatus status = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(updated).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withUnavailableReplicas(Math.max(0, replicas - ready))
        .withConditions(
            condition(d, "Available", ready >= desired, ready >= desired ? "MinimumReplicasAvailable"
                : "MinimumReplicasUnavailable", ready >= desired ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.", now),
            progressing(d, fresh, complete, replicas == updated, now))
        .build();
    if (!status.equals(d.getStatus())) {
      Deployment copy = new DeploymentBuilder(d).withStatus(status).build();
      Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
    }
  }

  private DeploymentCondition progressing(Deployment d, ReplicaSet fresh, boolean complete, boolean onlyNewPods,
                                          String now) {
    String rsName = fresh.getMetadata().getName();
    Progress last = progress.compute(d.getMetadata().getUid(), (uid, p) -> p == null || !p.replicaSet().equals(rsName)
        || p.ready() != readyOf(fresh) ? new Progress(rsName, readyOf(fresh), clock.instant()) : p);
    int deadline = Objects.requireNonNullElse(d.getSpec().getProgressDeadlineSeconds(), 600);
    // Like the real controller: a rollout that completed stays complete while its pods come and go (a pod turning
    // unready later is a fault, not progress); only a new ReplicaSet starts the progress clock again.
    boolean completedBefore = d.getStatus() != null && d.getStatus().getConditions().stream().anyMatch(c ->
        "Progressing".equals(c.getType()) && "NewReplicaSetAvailable".equals(c.getReason())
            && c.getMessage() != null && c.getMessage().contains("\"" + rsName + "\""));
    if (complete || completedBefore && onlyNewPods) {
      return condition(d, "Progressing", true, "NewReplicaSetAvailable",
          "ReplicaSet \"" + rsName + "\" has successfully progressed.", now);
    }
    if (Duration.between(last.since(), clock.instant()).getSeconds() >= deadline) {
      return condition(d, "Progressing", false, "ProgressDeadlineExceeded",
          "ReplicaSet \"" + rsName + "\" has timed out progressing.", now);
    }
    return condition(d, "Progressing", true, "ReplicaSetUpdated", "ReplicaSet \"" + rsName + "\" is progressing.", now);
  }

  /** Keeps the transition time of a condition whose status and reason did not change, as the real controller does. */
  private static DeploymentCondition condition(Deployment d, String type, boolean status, String reason,
                                               String message, String now) {
    Optional<DeploymentCondition> previous = d.getStatus() == null ? Optional.empty()
        : d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    String value = status ? "True" : "False";
    boolean unchanged = previous.isPresent() && value.equals(previous.get().getStatus())
        && reason.equals(previous.get().getReason());
    String since = unchanged ? previous.get().getLastTransitionTime() : now;
    return new DeploymentCondition(since, unchanged ? previous.get().getLastUpdateTime() : now, message, reason, value,
        type);
  }

  static String templateHash(PodTemplateSpec template) {
    int hash = Serialization.asJson(template).hashCode();
    return Integer.toString(hash & 0x7fffffff, 36);
  }

  private static int replicasOf(ReplicaSet rs) {
    return Objects.requireNonNullElse(rs.getSpec().getReplicas(), 1);
  }

  private static int statusReplicas(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : Objects.requireNonNullElse(rs.getStatus().getReplicas(), 0);
  }

  private static int readyOf(ReplicaSet rs) {
    return rs.getStatus() == null ? 0 : Objects.requireNonNullElse(rs.getStatus().getReadyReplicas(), 0);
  }
}
