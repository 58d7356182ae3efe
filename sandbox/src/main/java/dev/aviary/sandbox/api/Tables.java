package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Server-side printing: kubectl asks for {@code as=Table} and prints the columns it gets back. Columns follow the
 * real API server's for the kinds operators list most (Deployments, ReplicaSets, Pods, autoscalers, Services,
 * Events, and the stateful kinds in {@link WorkloadColumns}); other kinds get Name and Age.
 */
final class Tables {

  /** @param priority 0 for columns kubectl always shows, 1 for those only {@code -o wide} shows */
  record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {

    Column(String name, String type, Function<JsonNode, Object> cell) {
      this(name, type, 0, cell);
    }
  }

  private final Clock clock;

  Tables(Clock clock) {
    this.clock = clock;
  }

  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  ObjectNode table(String kind, List<JsonNode> items, String resourceVersion) {
    List<Column> columns = columns(kind);
    ObjectNode table = JsonNodeFactory.instance.objectNode();
    table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column c : columns) {
      definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.name().equals("Name") ? "name" : "")
          .put("description", c.name()).put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      columns.forEach(c -> cells.addPOJO(c.cell().apply(item)));
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata").deepCopy());
    }
    return table;
  }

  private List<Column> columns(String kind) {
    Column name = new Column("Name", "string", o -> o.path("metadata").path("name").asText());
    Column age = new Column("Age", "string", this::age);
    return switch (kind) {
      case "Deployment" -> List.of(name,
          new Column("Ready", "string", o -> status(o, "readyReplicas") + "/" + o.path("spec").path("replicas").asInt(1)),
          new Column("Up-to-date", "integer", o -> status(o, "updatedReplicas")),
          new Column("Available", "integer", o -> status(o, "availableReplicas")), age);
      case "ReplicaSet" -> List.of(name,
          new Column("Desired", "integer", o -> o.path("spec").path("replicas").asInt(1)),
          new Column("Current", "integer", o -> status(o, "replicas")),
          new Column("Ready", "integer", o -> status(o, "readyReplicas")), age);
      case "Pod" -> List.of(name, new Column("Ready", "string", Tables::podReady),
          new Column("Status", "string", o -> o.path("status").path("phase").asText("Pending")),
          new Column("Restarts", "integer", Tables::restarts), age);
      case "HorizontalPodAutoscaler" -> List.of(name,
          new Column("Reference", "string", o -> o.path("spec").path("scaleTargetRef").path("kind").asText() + "/"
              + o.path("spec").path("scaleTargetRef").path("name").asText()),
          new Column("Targets", "string", Tables::autoscalerTargets),
          new Column("MinPods", "string", o -> o.path("spec").path("minReplicas").asInt(1)),
          new Column("MaxPods", "integer", o -> o.path("spec").path("maxReplicas").asInt()),
          new Column("Replicas", "integer", o -> status(o, "currentReplicas")), age);
      case "Service" -> List.of(name,
          new Column("Type", "string", o -> o.path("spec").path("type").asText("ClusterIP")),
          new Column("Cluster-IP", "string", o -> o.path("spec").path("clusterIP").asText("<none>")),
          new Column("External-IP", "string", Tables::externalIps),
          new Column("Port(s)", "string", Tables::ports), age,
          new Column("Selector", "string", 1, Tables::selector));
      case "Event" -> List.of(new Column("Last Seen", "string", this::lastSeen),
          new Column("Type", "string", o -> o.path("type").asText()),
          new Column("Reason", "string", o -> o.path("reason").asText()),
          new Column("Object", "string", o -> o.path("involvedObject").path("kind").asText().toLowerCase(Locale.ROOT)
              + "/" + o.path("involvedObject").path("name").asText()),
          new Column("Message", "string", o -> o.path("message").asText()),
          new Column("Source", "string", 1, o -> o.path("source").path("component").asText()),
          new Column("Count", "integer", 1, o -> o.path("count").asInt(1)),
          new Column("Name", "string", 1, o -> o.path("metadata").path("name").asText()));
      default -> WorkloadColumns.of(kind, name, age, this::since).orElse(List.of(name, age));
    };
  }

  /** "cpu: 40%/70%", or "<unknown>" for a metric not measured yet, as kubectl prints them. */
  private static String autoscalerTargets(JsonNode hpa) {
    List<String> targets = new ArrayList<>();
    JsonNode current = hpa.path("status").path("currentMetrics");
    int i = 0;
    for (JsonNode metric : hpa.path("spec").path("metrics")) {
      JsonNode resource = metric.path("resource");
      JsonNode target = resource.path("target");
      String wanted = target.has("averageUtilization") ? target.path("averageUtilization").asInt() + "%"
          : target.path("averageValue").asText(target.path("value").asText("?"));
      JsonNode now = current.path(i++).path("resource").path("current");
      String measured = now.has("averageUtilization") ? now.path("averageUtilization").asInt() + "%"
          : now.has("averageValue") ? now.path("averageValue").asText() : "<unknown>";
      targets.add((resource.isMissingNode() ? metric.path("type").asText() : resource.path("name").asText()) + ": "
          + measured + "/" + wanted);
    }
    return targets.isEmpty() ? "<none>" : String.join(", ", targets);
  }

  private static String externalIps(JsonNode service) {
    List<String> ips = new ArrayList<>();
    service.path("spec").path("externalIPs").forEach(ip -> ips.add(ip.asText()));
    service.path("status").path("loadBalancer").path("ingress").forEach(in -> ips.add(in.path("ip").asText(
        in.path("hostname").asText())));
    if (ips.isEmpty()) {
      return "LoadBalancer".equals(service.path("spec").path("type").asText()) ? "<pending>" : "<none>";
    }
    return String.join(",", ips);
  }

  /** "80/TCP,9090/TCP", with the node port where there is one ("80:30080/TCP"). */
  private static String ports(JsonNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode port : service.path("spec").path("ports")) {
      ports.add(port.path("port").asInt() + (port.has("nodePort") ? ":" + port.path("nodePort").asInt() : "")
          + "/" + port.path("protocol").asText("TCP"));
    }
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  private static String selector(JsonNode service) {
    List<String> pairs = new ArrayList<>();
    service.path("spec").path("selector").properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue()
        .asText()));
    return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
  }

  private String lastSeen(JsonNode event) {
    String at = event.path("lastTimestamp").asText(event.path("eventTime").asText(""));
    return at.isEmpty() || at.equals("null") ? "<unknown>" : since(at);
  }

  static int status(JsonNode o, String field) {
    return o.path("status").path(field).asInt(0);
  }

  private static String podReady(JsonNode pod) {
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode s : pod.path("status").path("containerStatuses")) {
      ready += s.path("ready").asBoolean() ? 1 : 0;
    }
    return ready + "/" + total;
  }

  private static int restarts(JsonNode pod) {
    int sum = 0;
    for (JsonNode s : pod.path("status").path("containerStatuses")) {
      sum += s.path("restartCount").asInt();
    }
    return sum;
  }

  private String age(JsonNode o) {
    String created = o.path("metadata").path("creationTimestamp").asText("");
    return created.isEmpty() ? "<unknown>" : since(created);
  }

  /** How long ago, the way kubectl writes an age: "5d", "3h", "12m", "40s". */
  String since(String timestamp) {
    Duration d = Duration.between(Instant.parse(timestamp), clock.instant());
    if (d.toDays() > 0) {
      return d.toDays() + "d";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h";
    }
    return d.toMinutes() > 0 ? d.toMinutes() + "m" : Math.max(0, d.toSeconds()) + "s";
  }
}
