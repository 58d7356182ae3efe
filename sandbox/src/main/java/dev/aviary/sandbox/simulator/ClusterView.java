package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One tick's consistent picture of the informer caches, with the objects grouped by their controlling owner. */
record ClusterView(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods,
                   Map<String, List<ReplicaSet>> replicaSetsByOwner, Map<String, List<Pod>> podsByOwner) {

  static ClusterView of(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods) {
    return new ClusterView(deployments, replicaSets, pods, byOwner(replicaSets), byOwner(pods));
  }

  private static <T extends HasMetadata> Map<String, List<T>> byOwner(List<T> objects) {
    Map<String, List<T>> grouped = new HashMap<>();
    objects.forEach(o -> controller(o).ifPresent(ref -> grouped.computeIfAbsent(ref.getUid(), k -> new java.util.ArrayList<>()).add(o)));
    return grouped;
  }

  static Optional<OwnerReference> controller(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  List<ReplicaSet> replicaSetsOf(Deployment d) {
    return replicaSetsByOwner.getOrDefault(d.getMetadata().getUid(), List.of());
  }

  List<Pod> podsOf(ReplicaSet rs) {
    return podsByOwner.getOrDefault(rs.getMetadata().getUid(), List.of());
  }

  /** The pods a StatefulSet, DaemonSet or Job controls. */
  List<Pod> podsOf(HasMetadata controller) {
    return podsByOwner.getOrDefault(controller.getMetadata().getUid(), List.of());
  }

  java.util.Set<String> uids(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getUid()).collect(Collectors.toSet());
  }
}
