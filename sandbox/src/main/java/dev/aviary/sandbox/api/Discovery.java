package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDR;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The legacy discovery documents ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/g/v}) for the catalog. */
final class Discovery {

  private static final Pattern GROUP_VERSION = Pattern.compile("^/(?:api|apis/(?<group>[^/]+))/(?<version>[^/]+)$");
  private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
      "update", "watch");

  private final ResourceCatalog catalog;
  private final String serverAddress;

  Discovery(ResourceCatalog catalog, String serverAddress) {
    this.catalog = catalog;
    this.serverAddress = serverAddress;
  }

  /** The discovery document for a path without query, or empty when the path is not a discovery path. */
  Optional<String> document(String path) {
    if (path.equals("/api")) {
      return Optional.of(Serialization.asJson(new APIVersionsBuilder().withVersions("v1")
          .withServerAddressByClientCIDRs(new ServerAddressByClientCIDR("0.0.0.0/0", serverAddress)).build()));
    }
    if (path.equals("/apis")) {
      return Optional.of(groups());
    }
    Matcher m = GROUP_VERSION.matcher(path);
    if (!m.matches() || m.group("version").equals("namespaces")) {
      return Optional.empty();
    }
    String group = m.group("group") == null ? "" : m.group("group");
    List<ResourceType> types = catalog.inGroupVersion(group, m.group("version"));
    if (types.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(resources(types));
  }

  private String groups() {
    APIGroupListBuilder list = new APIGroupListBuilder();
    for (Map.Entry<String, List<String>> group : catalog.groups().entrySet()) {
      List<GroupVersionForDiscovery> versions = group.getValue().stream()
          .map(v -> new GroupVersionForDiscovery(group.getKey() + "/" + v, v)).toList();
      list.addToGroups(new APIGroupBuilder().withName(group.getKey()).withVersions(versions)
          .withPreferredVersion(versions.getFirst()).build());
    }
    return Serialization.asJson(list.build());
  }

  private String resources(List<ResourceType> types) {
    List<APIResource> resources = new ArrayList<>();
    for (ResourceType t : types) {
      resources.add(new APIResourceBuilder().withName(t.plural()).withSingularName(t.singular())
          .withNamespaced(t.namespaced()).withKind(t.kind()).withVerbs(VERBS).withShortNames(t.shortNames())
          .build());
      if (t.hasStatus()) {
        resources.add(new APIResourceBuilder().withName(t.plural() + "/status").withSingularName("")
            .withNamespaced(t.namespaced()).withKind(t.kind()).withVerbs("get", "patch", "update").build());
      }
      if (t.hasScale()) {
        resources.add(new APIResourceBuilder().withName(t.plural() + "/scale").withSingularName("")
            .withNamespaced(t.namespaced()).withGroup("autoscaling").withVersion("v1").withKind("Scale")
            .withVerbs("get", "patch", "update").build());
      }
    }
    return Serialization.asJson(new APIResourceListBuilder().withGroupVersion(types.getFirst().apiVersion())
        .withResources(resources).build());
  }
}
