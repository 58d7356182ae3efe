package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A minimal OpenAPI v3 description: one document per group-version that names each kind's schema and says its
 * PATCH takes {@code fieldValidation}. That is what kubectl looks for before it leaves validation to the server;
 * without it, {@code kubectl apply} insists on downloading full schemas. The sandbox validates nothing beyond what
 * the stored objects need, so no schema bodies are given.
 */
final class OpenApi {

  private static final String ROOT = "/openapi/v3";

  private final ResourceCatalog catalog;

  OpenApi(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  Optional<String> document(String path) {
    if (path.equals(ROOT)) {
      return Optional.of(index().toString());
    }
    if (!path.startsWith(ROOT + "/")) {
      return Optional.empty();
    }
    String key = path.substring(ROOT.length() + 1);
    String[] parts = key.split("/");
    List<ResourceType> types = parts.length == 2 && parts[0].equals("api")
        ? catalog.inGroupVersion("", parts[1])
        : parts.length == 3 && parts[0].equals("apis") ? catalog.inGroupVersion(parts[1], parts[2]) : List.of();
    return types.isEmpty() ? Optional.empty() : Optional.of(groupVersion(types).toString());
  }

  private ObjectNode index() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode paths = root.putObject("paths");
    paths.putObject("api/v1").put("serverRelativeURL", ROOT + "/api/v1?hash=sandbox");
    catalog.groups().forEach((group, versions) -> versions.forEach(v -> paths.putObject("apis/" + group + "/" + v)
        .put("serverRelativeURL", ROOT + "/apis/" + group + "/" + v + "?hash=sandbox")));
    return root;
  }

  private static ObjectNode groupVersion(List<ResourceType> types) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Aviary sandbox").put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (ResourceType t : types) {
      String prefix = t.group().isEmpty() ? "/api/" + t.version() : "/apis/" + t.group() + "/" + t.version();
      String objectPath = prefix + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural() + "/{name}";
      ObjectNode patch = paths.putObject(objectPath).putObject("patch");
      gvk(patch.putObject("x-kubernetes-group-version-kind"), t);
      patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
          .putObject("schema").put("type", "string");
      patch.putObject("responses").putObject("200").put("description", "OK");
      ObjectNode schema = schemas.putObject(schemaName(t));
      schema.put("type", "object");
      gvk(schema.putArray("x-kubernetes-group-version-kind").addObject(), t);
    }
    return doc;
  }

  private static void gvk(ObjectNode node, ResourceType t) {
    node.put("group", t.group()).put("version", t.version()).put("kind", t.kind());
  }

  private static String schemaName(ResourceType t) {
    return (t.group().isEmpty() ? "io.k8s.api.core" : t.group()) + "." + t.version() + "." + t.kind();
  }
}
