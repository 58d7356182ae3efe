package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * StatefulSets as Kubernetes runs them with the default OrderedReady policy: pods {@code <name>-0..n-1} made one at a
 * time, each only once the ones before it are ready, removed from the highest ordinal down; a claim per volume claim
 * template and ordinal ({@code <template>-<name>-<ordinal>}), kept when the pod goes; a pod is scheduled (given a node)
 * only once its claims are bound, so a claim that cannot be provisioned leaves it Pending. A changed template rolls
 * the pods from the highest ordinal down to the partition, one at a time; OnDelete leaves them.
 */
final class StatefulSetController {

  static final String REVISION_LABEL = "controller-revision-hash";
  private static final String COMPONENT = "statefulset-controller";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final SimulatorSettings settings;
  private final Clock clock;

  StatefulSetController(KubernetesClient client, EventRecorder events, SimulatorSettings settings, Clock clock) {
    this.client = client;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  void reconcile(StatefulSet sts, List<Pod> owned, Map<String, PersistentVolumeClaim> claims) {
    String revision = revision(sts);
    int desired = Objects.requireNonNullElse(sts.getSpec().getReplicas(), 1);
    Map<Integer, Pod> byOrdinal = new HashMap<>();
    owned.stream().filter(p -> !Pods.terminating(p)).forEach(p -> byOrdinal.put(ordinal(p), p));
    for (int i = 0; i < desired; i++) {
      ensureClaims(sts, i, claims);
    }
    schedule(byOrdinal.values(), claims);
    if (!scaleUp(sts, desired, byOrdinal, revision) && !scaleDown(sts, desired, byOrdinal)) {
      roll(sts, desired, byOrdinal, revision);
    }
    updateStatus(sts, byOrdinal, revision);
  }

  /** Makes the lowest missing ordinal, once every lower one is ready. @return whether it made one */
  private boolean scaleUp(StatefulSet sts, int desired, Map<Integer, Pod> byOrdinal, String revision) {
    for (int i = 0; i < desired; i++) {
      Pod pod = byOrdinal.get(i);
      if (pod == null) {
        client.pods().inNamespace(sts.getMetadata().getNamespace()).resource(newPod(sts, i, revision)).create();
        events.normal(sts, COMPONENT, "SuccessfulCreate", "create Pod " + podName(sts, i) + " in StatefulSet "
            + sts.getMetadata().getName() + " successful");
        return true;
      }
      if (!Pods.ready(pod)) {
        return true;
      }
    }
    return false;
  }

  /** Removes the highest ordinal above the count. @return whether it removed one */
  private boolean scaleDown(StatefulSet sts, int desired, Map<Integer, Pod> byOrdinal) {
    int highest = byOrdinal.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    if (highest < desired) {
      return false;
    }
    delete(sts, byOrdinal.get(highest));
    return true;
  }

  /** Replaces the highest pod at or above the partition that runs an older template. */
  private void roll(StatefulSet sts, int desired, Map<Integer, Pod> byOrdinal, String revision) {
    var strategy = sts.getSpec().getUpdateStrategy();
    if (strategy != null && "OnDelete".equals(strategy.getType())) {
      return;
    }
    int partition = strategy == null || strategy.getRollingUpdate() == null ? 0
        : Objects.requireNonNullElse(strategy.getRollingUpdate().getPartition(), 0);
    for (int i = desired - 1; i >= partition; i--) {
      Pod pod = byOrdinal.get(i);
      if (pod != null && !revision.equals(revisionOf(pod))) {
        delete(sts, pod);
        return;
      }
    }
  }

  private void delete(StatefulSet sts, Pod pod) {
    client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
    events.normal(sts, COMPONENT, "SuccessfulDelete", "delete Pod " + pod.getMetadata().getName()
        + " in StatefulSet " + sts.getMetadata().getName() + " successful");
  }

  /** Binds to a node each pod whose claims are all bound, as the scheduler would. */
  private void schedule(Iterable<Pod> pods, Map<String, PersistentVolumeClaim> claims) {
    for (Pod pod : pods) {
      if (pod.getSpec().getNodeName() != null) {
        continue;
      }
      boolean bound = pod.getSpec().getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
          .map(v -> claims.get(key(pod.getMetadata().getNamespace(), v.getPersistentVolumeClaim().getClaimName())))
          .allMatch(c -> c != null && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()));
      if (!bound && pod.getStatus() == null) {
        unschedulable(pod);
      } else if (bound) {
        String node = "sandbox-node-" + (1 + Math.floorMod(pod.getMetadata().getName().hashCode(), settings.nodes()));
        Writes.ignoringConflicts(() -> client.pods().inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName()).edit(p -> new PodBuilder(p).editSpec().withNodeName(node)
                .endSpec().build()));
      }
    }
  }

  /** What the scheduler says of a pod whose claims are not bound: Pending, PodScheduled=False, and a warning. */
  private void unschedulable(Pod pod) {
    String message = "0/" + settings.nodes() + " nodes are available: pod has unbound immediate"
        + " PersistentVolumeClaims.";
    PodCondition scheduled = Pods.condition("PodScheduled", false,
        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    scheduled.setReason("Unschedulable");
    scheduled.setMessage(message);
    if (Writes.ignoringConflicts(() -> client.resource(new PodBuilder(pod).withStatus(new PodStatusBuilder()
        .withPhase("Pending").withConditions(scheduled).build()).build()).updateStatus())) {
      events.warning(pod, "default-scheduler", "FailedScheduling", message);
    }
  }

  private void ensureClaims(StatefulSet sts, int ordinal, Map<String, PersistentVolumeClaim> claims) {
    for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
      String name = claimName(sts, template, ordinal);
      if (!claims.containsKey(key(sts.getMetadata().getNamespace(), name))) {
        PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder(template).withNewMetadata().withName(name)
            .withNamespace(sts.getMetadata().getNamespace()).withLabels(template.getMetadata().getLabels())
            .endMetadata().withNewStatus().withPhase("Pending").endStatus().build();
        Writes.ignoringConflicts(() -> client.persistentVolumeClaims().inNamespace(sts.getMetadata().getNamespace())
            .resource(claim).create());
        claims.put(key(sts.getMetadata().getNamespace(), name), claim);
        events.normal(sts, COMPONENT, "SuccessfulCreate", "create Claim " + name + " Pod " + podName(sts, ordinal)
            + " in StatefulSet " + sts.getMetadata().getName() + " success");
      }
    }
  }

  private Pod newPod(StatefulSet sts, int ordinal, String revision) {
    var template = sts.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(Objects.requireNonNullElse(template.getMetadata().getLabels(),
        Map.of()));
    labels.put(REVISION_LABEL, revision);
    labels.put("statefulset.kubernetes.io/pod-name", podName(sts, ordinal));
    List<Volume> volumes = new ArrayList<>(template.getSpec().getVolumes());
    for (PersistentVolumeClaim claim : sts.getSpec().getVolumeClaimTemplates()) {
      volumes.add(new VolumeBuilder().withName(claim.getMetadata().getName()).withNewPersistentVolumeClaim()
          .withClaimName(claimName(sts, claim, ordinal)).endPersistentVolumeClaim().build());
    }
    return new PodBuilder().withNewMetadata().withName(podName(sts, ordinal))
        .withNamespace(sts.getMetadata().getNamespace()).withLabels(labels)
        .withAnnotations(template.getMetadata().getAnnotations())
        .withOwnerReferences(Pods.controlledBy(sts, "apps/v1", "StatefulSet"))
        .endMetadata()
        .withSpec(template.getSpec()).editSpec().withVolumes(volumes).withHostname(podName(sts, ordinal))
        .withSubdomain(sts.getSpec().getServiceName()).withNodeName(null).endSpec()
        .withStatus(new PodStatusBuilder().withPhase("Pending").build()).build();
  }

  private void updateStatus(StatefulSet sts, Map<Integer, Pod> byOrdinal, String revision) {
    String current = sts.getStatus() == null || sts.getStatus().getCurrentRevision() == null ? revision
        : sts.getStatus().getCurrentRevision();
    int updated = (int) byOrdinal.values().stream().filter(p -> revision.equals(revisionOf(p))).count();
    int desired = Objects.requireNonNullElse(sts.getSpec().getReplicas(), 1);
    if (updated == byOrdinal.size() && byOrdinal.size() == desired) {
      current = revision;
    }
    String currentRevision = current;
    StatefulSetStatus status = new StatefulSetStatusBuilder().withReplicas(byOrdinal.size())
        .withReadyReplicas((int) byOrdinal.values().stream().filter(Pods::ready).count())
        .withAvailableReplicas((int) byOrdinal.values().stream().filter(Pods::ready).count())
        .withCurrentReplicas((int) byOrdinal.values().stream().filter(p -> currentRevision.equals(revisionOf(p)))
            .count())
        .withUpdatedReplicas(updated).withCurrentRevision(currentRevision).withUpdateRevision(revision)
        .withObservedGeneration(sts.getMetadata().getGeneration()).withCollisionCount(0).build();
    if (!status.equals(sts.getStatus())) {
      StatefulSet copy = new StatefulSetBuilder(sts).withStatus(status).build();
      Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
    }
  }

  /** The template's revision, named as the controller names ControllerRevisions: {@code <name>-<hash>}. */
  static String revision(StatefulSet sts) {
    String template = Serialization.asJson(sts.getSpec().getTemplate());
    return sts.getMetadata().getName() + "-" + Integer.toHexString(template.hashCode() & 0x7fffffff);
  }

  private static String revisionOf(Pod pod) {
    return pod.getMetadata().getLabels() == null ? "" : pod.getMetadata().getLabels().getOrDefault(REVISION_LABEL,
        "");
  }

  private static int ordinal(Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String podName(StatefulSet sts, int ordinal) {
    return sts.getMetadata().getName() + "-" + ordinal;
  }

  private static String claimName(StatefulSet sts, PersistentVolumeClaim template, int ordinal) {
    return template.getMetadata().getName() + "-" + podName(sts, ordinal);
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
