package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterReader;
import dev.aviary.console.cluster.ClusterWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Live objects by the coordinates in a manifest, through fabric8's generic resources and API discovery. */
@Component
class Fabric8ClusterReader implements ClusterReader {

  private final KubernetesClient client;
  private final List<String> namespaces;

  Fabric8ClusterReader(KubernetesClient client, ClusterInfo info) {
    this.client = client;
    this.namespaces = info.namespaces();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> appliedByAviary(String apiVersion, String kind) {
    List<GenericKubernetesResource> found = new ArrayList<>();
    try {
      var resources = client.genericKubernetesResources(apiVersion, kind);
      if ("Namespace".equals(kind)) {
        namespaces.forEach(ns -> Optional.ofNullable(resources.withName(ns).get()).ifPresent(found::add));
      } else {
        namespaces.forEach(ns -> found.addAll(resources.inNamespace(ns).list().getItems()));
      }
    } catch (KubernetesClientException e) {
      throw new ClusterReadException("cannot list " + kind + " in " + namespaces + ": " + e.getMessage(), e);
    }
    return found.stream()
        .filter(r -> r.getMetadata().getManagedFields().stream()
            .anyMatch(f -> ClusterWriter.FIELD_MANAGER.equals(f.getManager())))
        .map(r -> (Map<String, Object>) Serialization.jsonMapper().convertValue(r, Map.class)).toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> live(Map<String, Object> manifest) {
    String apiVersion = String.valueOf(manifest.get("apiVersion"));
    String kind = String.valueOf(manifest.get("kind"));
    Map<String, Object> metadata = (Map<String, Object>) manifest.get("metadata");
    String name = String.valueOf(metadata.get("name"));
    Object namespace = metadata.get("namespace");
    try {
      var resources = client.genericKubernetesResources(apiVersion, kind);
      GenericKubernetesResource live = namespace == null || "Namespace".equals(kind)
          ? resources.withName(name).get() : resources.inNamespace(namespace.toString()).withName(name).get();
      return Optional.ofNullable(live).map(r -> Serialization.jsonMapper().convertValue(r, Map.class));
    } catch (KubernetesClientException e) {
      throw new ClusterReadException("cannot read " + kind + " " + (namespace == null ? "" : namespace + "/") + name
          + " from the cluster: " + e.getMessage(), e);
    }
  }
}
