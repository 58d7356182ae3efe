package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a real API server does to an object before storing it, as far as tools rely on it: label keys and values are
 * validated (a real server refuses {@code <script>} as a label value), container and Service ports get protocol
 * {@code TCP}, a Service gets type {@code ClusterIP}, a cluster IP (kept across updates that leave it out) and its
 * target port. Other defaulting and validation of a real server is not done here; docs/sandbox.md lists it.
 */
final class Admission {

  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Cluster IPs handed out from 10.96.0.0/12, as kubeadm's default service range. */
  private final AtomicInteger nextServiceIp = new AtomicInteger(10);

  /**
   * @param current the stored object an update replaces (null for a create); read only for a Service, the one kind
   *                whose defaults depend on it, so that the simulator's many updates cost no extra read
   * @throws ApiError 422 naming the object, the field and the rule it breaks
   */
  ObjectNode admit(ObjectNode object, Supplier<ObjectNode> current) {
    String kind = object.path("kind").asText();
    String what = kind + " \"" + object.path("metadata").path("name").asText() + "\"";
    validateLabels(what, "metadata.labels", object.path("metadata").path("labels"));
    validateLabels(what, "spec.template.metadata.labels", object.path("spec").path("template").path("metadata")
        .path("labels"));
    validateLabels(what, "spec.selector.matchLabels", object.path("spec").path("selector").path("matchLabels"));
    JsonNode podSpec = kind.equals("Pod") ? object.path("spec") : object.path("spec").path("template").path("spec");
    defaultContainerPorts(podSpec.path("containers"));
    defaultContainerPorts(podSpec.path("initContainers"));
    if (kind.equals("Service") && object.path("spec").isObject()) {
      ObjectNode replaced = current.get();
      defaultService((ObjectNode) object.path("spec"), replaced == null ? null : replaced.path("spec"));
    }
    return object;
  }

  private static void validateLabels(String what, String field, JsonNode labels) {
    for (Map.Entry<String, JsonNode> label : labels.properties()) {
      String key = label.getKey();
      String value = label.getValue().asText();
      String problem = keyProblem(key);
      if (problem != null) {
        throw invalid(what, field, key, problem);
      }
      if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
        throw invalid(what, field, value, "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character, at most 63 "
            + "characters (regex used for validation is '" + LABEL_VALUE.pattern() + "')");
      }
    }
  }

  /** Why a label key is not one: an optional DNS subdomain prefix and "/", then a name of at most 63 characters. */
  private static String keyProblem(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (prefix != null && (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
      return "prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters";
    }
    if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
      return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
          + "alphanumeric character, at most 63 characters (regex used for validation is '" + LABEL_NAME.pattern()
          + "')";
    }
    return null;
  }

  private static ApiError invalid(String what, String field, String value, String rule) {
    return new ApiError(422, "Invalid", what + " is invalid: " + field + ": Invalid value: \"" + value + "\": "
        + rule);
  }

  private static void defaultContainerPorts(JsonNode containers) {
    for (JsonNode container : containers) {
      for (JsonNode port : container.path("ports")) {
        if (port.isObject() && !port.has("protocol")) {
          ((ObjectNode) port).put("protocol", "TCP");
        }
      }
    }
  }

  private void defaultService(ObjectNode spec, JsonNode current) {
    if (!spec.has("type")) {
      spec.put("type", "ClusterIP");
    }
    for (JsonNode port : spec.path("ports")) {
      if (port.isObject()) {
        ObjectNode p = (ObjectNode) port;
        if (!p.has("protocol")) {
          p.put("protocol", "TCP");
        }
        if (!p.has("targetPort")) {
          p.set("targetPort", p.path("port"));
        }
      }
    }
    if (spec.path("type").asText().equals("ExternalName") || spec.has("clusterIP")) {
      return;
    }
    String ip = current != null && current.hasNonNull("clusterIP") ? current.path("clusterIP").asText()
        : allocate();
    spec.put("clusterIP", ip);
    spec.putArray("clusterIPs").add(ip);
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
  }

  private String allocate() {
    int n = nextServiceIp.getAndIncrement();
    return "10.96." + (n / 256) + "." + (n % 256);
  }
}
