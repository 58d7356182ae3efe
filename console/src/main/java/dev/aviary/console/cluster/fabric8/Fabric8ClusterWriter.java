package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterWriter;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Server-side apply through fabric8, refusing anything outside the managed namespaces. */
@Component
class Fabric8ClusterWriter implements ClusterWriter {

  private static final List<String> FIRST = List.of("Namespace", "CustomResourceDefinition", "ServiceAccount",
      "ConfigMap", "Secret");

  private final KubernetesClient client;
  private final List<String> namespaces;

  Fabric8ClusterWriter(KubernetesClient client, ClusterInfo info) {
    this.client = client;
    this.namespaces = info.namespaces();
  }

  @Override
  public void apply(List<Map<String, Object>> objects) {
    List<GenericKubernetesResource> resources = objects.stream()
        .map(o -> Serialization.jsonMapper().convertValue(o, GenericKubernetesResource.class))
        .sorted(Comparator.comparingInt(Fabric8ClusterWriter::rank)).toList();
    resources.forEach(this::checkScope);
    for (GenericKubernetesResource r : resources) {
      try {
        client.resource(r).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      } catch (KubernetesClientException e) {
        throw failure("applying " + describe(r), e);
      }
    }
  }

  @Override
  public void delete(List<Map<String, Object>> objects) {
    List<GenericKubernetesResource> resources = objects.stream()
        .map(o -> Serialization.jsonMapper().convertValue(o, GenericKubernetesResource.class))
        .sorted(Comparator.comparingInt(Fabric8ClusterWriter::rank).reversed()).toList();
    resources.forEach(this::checkScope);
    for (GenericKubernetesResource r : resources) {
      try {
        client.resource(r).delete();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw failure("deleting " + describe(r), e);
        }
      }
    }
  }

  /**
   * The API server's own words when it answered (for an invalid object: which fields and why), rather than fabric8's
   * message, which wraps them in the request line and the whole Status object.
   */
  private static ClusterWriteException failure(String what, KubernetesClientException e) {
    boolean answered = e.getCode() >= 400 && e.getCode() < 500;
    String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : e.getMessage();
    return new ClusterWriteException(what + (answered ? " was refused by the cluster (HTTP " + e.getCode() + "): "
        : " failed: ") + reason, e, answered);
  }

  private void checkScope(GenericKubernetesResource r) {
    String namespace = "Namespace".equals(r.getKind()) ? r.getMetadata().getName() : r.getMetadata().getNamespace();
    if (namespace == null || !namespaces.contains(namespace)) {
      throw new ClusterWriteException(describe(r) + " is outside the managed namespaces " + namespaces, null, true);
    }
  }

  private static int rank(GenericKubernetesResource r) {
    int index = FIRST.indexOf(r.getKind());
    return index < 0 ? FIRST.size() : index;
  }

  private static String describe(GenericKubernetesResource r) {
    return r.getKind() + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }
}
