package dev.aviary.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kinds the sandbox serves: the built-in ones Aviary watches and applies, and the CRDs its manifests use. */
public final class ResourceCatalog {

  private static final List<String> STATUS = List.of("status");
  private static final List<String> STATUS_SCALE = List.of("status", "scale");

  private final List<ResourceType> types = new ArrayList<>();

  public static ResourceCatalog standard() {
    ResourceCatalog c = new ResourceCatalog();
    c.add("", "v1", "Namespace", "namespaces", false, List.of("ns"), STATUS);
    c.add("", "v1", "Pod", "pods", true, List.of("po"), STATUS);
    c.add("", "v1", "Service", "services", true, List.of("svc"), STATUS);
    c.add("", "v1", "Event", "events", true, List.of("ev"), List.of());
    c.add("", "v1", "ConfigMap", "configmaps", true, List.of("cm"), List.of());
    c.add("", "v1", "Secret", "secrets", true, List.of(), List.of());
    c.add("", "v1", "ServiceAccount", "serviceaccounts", true, List.of("sa"), List.of());
    c.add("apps", "v1", "Deployment", "deployments", true, List.of("deploy"), STATUS_SCALE);
    c.add("apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), STATUS_SCALE);
    c.add("apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), STATUS_SCALE);
    c.add("apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), STATUS);
    c.add("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, List.of("pvc"), STATUS);
    c.add("", "v1", "PersistentVolume", "persistentvolumes", false, List.of("pv"), STATUS);
    c.add("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, List.of("sc"), List.of());
    c.add("batch", "v1", "Job", "jobs", true, List.of(), STATUS);
    c.add("batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), STATUS);
    c.add("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa"), STATUS);
    c.add("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb"), STATUS);
    c.add("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol"), List.of());
    c.add("networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing"), STATUS);
    c.add("coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), List.of());
    c.add("rbac.authorization.k8s.io", "v1", "Role", "roles", true, List.of(), List.of());
    c.add("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, List.of(), List.of());
    c.add("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false,
        List.of("crd"), STATUS);
    c.add("networking.istio.io", "v1", "VirtualService", "virtualservices", true, List.of("vs"), STATUS);
    c.add("networking.istio.io", "v1", "DestinationRule", "destinationrules", true, List.of("dr"), STATUS);
    c.add("networking.istio.io", "v1", "Gateway", "gateways", true, List.of("gw"), STATUS);
    c.add("networking.istio.io", "v1alpha3", "EnvoyFilter", "envoyfilters", true, List.of(), List.of());
    c.add("security.istio.io", "v1", "PeerAuthentication", "peerauthentications", true, List.of("pa"), STATUS);
    c.add("security.istio.io", "v1", "AuthorizationPolicy", "authorizationpolicies", true, List.of("ap"), STATUS);
    c.add("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true, List.of("gtw"), STATUS);
    c.add("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true, List.of(), STATUS);
    c.add("gateway.envoyproxy.io", "v1alpha1", "BackendTrafficPolicy", "backendtrafficpolicies", true,
        List.of("btp"), STATUS);
    c.add("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", true, List.of("smon"), List.of());
    // Aviary's own kind (its CRD is in k8s/): a release's spec comes from Git, its status from the leading console.
    c.add("aviary.dev", "v1alpha1", "Release", "releases", true, List.of("rel"), STATUS);
    // The consoles' shared audit trail (its CRD is in k8s/ too).
    c.add("aviary.dev", "v1alpha1", "AuditEntry", "auditentries", true, List.of("audit"), List.of());
    return c;
  }

  private void add(String group, String version, String kind, String plural, boolean namespaced,
                   List<String> shortNames, List<String> subresources) {
    types.add(new ResourceType(group, version, kind, plural, namespaced, shortNames, subresources));
  }

  public List<ResourceType> all() {
    return List.copyOf(types);
  }

  public Optional<ResourceType> byPlural(String group, String version, String plural) {
    return types.stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
        .findFirst();
  }

  public Optional<ResourceType> byKind(String apiVersion, String kind) {
    return types.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
  }

  /** Group name to the versions served in it, in catalog order; the core group is left out (it lives at /api). */
  public Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ResourceType t : types) {
      if (!t.group().isEmpty()) {
        List<String> versions = groups.computeIfAbsent(t.group(), g -> new ArrayList<>());
        if (!versions.contains(t.version())) {
          versions.add(t.version());
        }
      }
    }
    return groups;
  }

  public List<ResourceType> inGroupVersion(String group, String version) {
    return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
  }
}
