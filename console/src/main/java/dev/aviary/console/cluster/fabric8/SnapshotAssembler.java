package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Groups Deployments into services by their {@code app} label, one version per Deployment. */
final class SnapshotAssembler {

  static final String APP_LABEL = "app";
  static final String VERSION_LABEL = "version";

  private SnapshotAssembler() {
  }

  static List<ServiceWorkload> services(List<Deployment> deployments) {
    Map<String, Map<String, List<VersionWorkload>>> byNamespace = new TreeMap<>();
    for (Deployment d : deployments) {
      Map<String, String> labels = Objects.requireNonNullElse(d.getMetadata().getLabels(), Map.of());
      String app = labels.getOrDefault(APP_LABEL, d.getMetadata().getName());
      byNamespace.computeIfAbsent(d.getMetadata().getNamespace(), ns -> new TreeMap<>())
          .computeIfAbsent(app, a -> new ArrayList<>()).add(version(d, labels));
    }
    List<ServiceWorkload> services = new ArrayList<>();
    byNamespace.forEach((ns, apps) -> apps.forEach((app, versions) -> {
      versions.sort(Comparator.comparing(VersionWorkload::version));
      services.add(new ServiceWorkload(ns, app, versions));
    }));
    return services;
  }

  private static VersionWorkload version(Deployment d, Map<String, String> labels) {
    List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
    String image = containers.isEmpty() ? "" : containers.getFirst().getImage();
    int ready = d.getStatus() == null ? 0 : Objects.requireNonNullElse(d.getStatus().getReadyReplicas(), 0);
    int updated = d.getStatus() == null ? 0 : Objects.requireNonNullElse(d.getStatus().getUpdatedReplicas(), 0);
    int desired = Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
    return new VersionWorkload(d.getMetadata().getName(), labels.getOrDefault(VERSION_LABEL, d.getMetadata().getName()),
        image, ready, updated, desired);
  }
}
