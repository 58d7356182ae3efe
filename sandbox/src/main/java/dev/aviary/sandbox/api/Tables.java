package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side printing: kubectl asks for {@code as=Table} and prints the columns it gets back. Columns follow the
 * real API server's for the kinds operators list most; other kinds get Name and Age.
 */
final class Tables {

  private record Column(String name, String type, Function<JsonNode, Object> cell) {
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
          .put("description", c.name()).put("priority", 0);
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
      default -> List.of(name, age);
    };
  }

  private static int status(JsonNode o, String field) {
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
    if (created.isEmpty()) {
      return "<unknown>";
    }
    Duration d = Duration.between(Instant.parse(created), clock.instant());
    if (d.toDays() > 0) {
      return d.toDays() + "d";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h";
    }
    return d.toMinutes() > 0 ? d.toMinutes() + "m" : Math.max(0, d.toSeconds()) + "s";
  }
}
