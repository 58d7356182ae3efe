package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** Live objects by the coordinates in a manifest, through fabric8's generic resources and API discovery. */
@Component
class Fabric8ClusterReader implements ClusterReader {

  private final KubernetesClient client;

  Fabric8ClusterReader(KubernetesClient client) {
    this.client = client;
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
