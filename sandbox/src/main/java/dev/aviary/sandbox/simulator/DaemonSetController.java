package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DaemonSets: one pod on each of the simulated nodes ({@code sandbox-node-1..n}); a changed template replaces the pods
 * one node at a time, each once the others are ready (RollingUpdate with maxUnavailable 1); OnDelete leaves them.
 */
final class DaemonSetController {

  private static final String COMPONENT = "daemonset-controller";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final SimulatorSettings settings;

  DaemonSetController(KubernetesClient client, EventRecorder events, SimulatorSettings settings) {
    this.client = client;
    this.events = events;
    this.settings = settings;
  }

  void reconcile(DaemonSet ds, List<Pod> owned) {
    String revision = Integer.toHexString(Serialization.asJson(ds.getSpec().getTemplate()).hashCode() & 0x7fffffff);
    Map<String, Pod> byNode = new HashMap<>();
    owned.stream().filter(p -> !Pods.terminating(p)).forEach(p -> byNode.put(p.getSpec().getNodeName(), p));
    for (int n = 1; n <= settings.nodes(); n++) {
      String node = "sandbox-node-" + n;
      if (!byNode.containsKey(node)) {
        Pod pod = client.pods().inNamespace(ds.getMetadata().getNamespace()).resource(newPod(ds, node, revision))
            .create();
        events.normal(ds, COMPONENT, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
        byNode.put(node, pod);
      }
    }
    var strategy = ds.getSpec().getUpdateStrategy();
    boolean onDelete = strategy != null && "OnDelete".equals(strategy.getType());
    if (!onDelete && byNode.values().stream().allMatch(Pods::ready)) {
      byNode.values().stream().filter(p -> !revision.equals(revisionOf(p))).findFirst().ifPresent(p -> {
        client.pods().inNamespace(p.getMetadata().getNamespace()).withName(p.getMetadata().getName()).delete();
        events.normal(ds, COMPONENT, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
      });
    }
    updateStatus(ds, byNode.values().stream().toList(), revision);
  }

  private Pod newPod(DaemonSet ds, String node, String revision) {
    var template = ds.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(Objects.requireNonNullElse(template.getMetadata().getLabels(),
        Map.of()));
    labels.put(StatefulSetController.REVISION_LABEL, revision);
    return new PodBuilder().withNewMetadata().withName(ds.getMetadata().getName() + "-" + Pods.randomSuffix())
        .withNamespace(ds.getMetadata().getNamespace()).withLabels(labels)
        .withAnnotations(template.getMetadata().getAnnotations())
        .withOwnerReferences(Pods.controlledBy(ds, "apps/v1", "DaemonSet"))
        .endMetadata().withSpec(template.getSpec()).editSpec().withNodeName(node).endSpec()
        .withStatus(new PodStatusBuilder().withPhase("Pending").build()).build();
  }

  private void updateStatus(DaemonSet ds, List<Pod> pods, String revision) {
    int ready = (int) pods.stream().filter(Pods::ready).count();
    DaemonSetStatus status = new DaemonSetStatusBuilder().withDesiredNumberScheduled(settings.nodes())
        .withCurrentNumberScheduled(pods.size()).withNumberReady(ready).withNumberAvailable(ready)
        .withNumberUnavailable(settings.nodes() - ready).withNumberMisscheduled(0)
        .withUpdatedNumberScheduled((int) pods.stream().filter(p -> revision.equals(revisionOf(p))).count())
        .withObservedGeneration(ds.getMetadata().getGeneration()).build();
    if (!status.equals(ds.getStatus())) {
      DaemonSet copy = new DaemonSetBuilder(ds).withStatus(status).build();
      Writes.ignoringConflicts(() -> client.resource(copy).updateStatus());
    }
  }

  private static String revisionOf(Pod pod) {
    return pod.getMetadata().getLabels() == null ? "" : pod.getMetadata().getLabels()
        .getOrDefault(StatefulSetController.REVISION_LABEL, "");
  }
}
