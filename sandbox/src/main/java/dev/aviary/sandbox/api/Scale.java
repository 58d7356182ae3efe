package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code autoscaling/v1 Scale} view of an object with {@code spec.replicas}, as kubectl scale uses it. */
final class Scale {

  private Scale() {
  }

  static ObjectNode of(ObjectNode object) {
    ObjectNode scale = JsonNodeFactory.instance.objectNode();
    scale.put("apiVersion", "autoscaling/v1").put("kind", "Scale");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      metadata.set(field, object.path("metadata").path(field).deepCopy());
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selector(object.path("spec").path("selector").path("matchLabels")));
    return scale;
  }

  /** The replica count a PUT, merge patch or JSON patch on the scale subresource asks for. */
  static int requestedReplicas(String contentType, JsonNode body) {
    JsonNode replicas = body.path("spec").path("replicas");
    if (contentType != null && contentType.startsWith("application/json-patch+json")) {
      for (JsonNode op : body) {
        if ("/spec/replicas".equals(op.path("path").asText())) {
          replicas = op.path("value");
        }
      }
    }
    if (!replicas.isInt() || replicas.asInt() < 0) {
      throw ApiError.badRequest("spec.replicas must be a non-negative integer, got " + replicas);
    }
    return replicas.asInt();
  }

  static ObjectNode withReplicas(ObjectNode object, int replicas) {
    ObjectNode copy = object.deepCopy();
    ((ObjectNode) copy.path("spec")).put("replicas", replicas);
    return copy;
  }

  private static String selector(JsonNode matchLabels) {
    StringBuilder out = new StringBuilder();
    matchLabels.fields().forEachRemaining(e -> out.append(out.isEmpty() ? "" : ",").append(e.getKey()).append('=')
        .append(e.getValue().asText()));
    return out.toString();
  }
}
