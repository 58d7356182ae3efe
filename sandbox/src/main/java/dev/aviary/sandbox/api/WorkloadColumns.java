package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.aviary.sandbox.api.Tables.status;

/**
 * kubectl's columns for the stateful and batch kinds, as Kubernetes 1.34 prints them: StatefulSets, DaemonSets,
 * PersistentVolumeClaims and PersistentVolumes, Jobs and CronJobs.
 */
final class WorkloadColumns {

  private WorkloadColumns() {
  }

  /**
   * @param since how long ago a timestamp was, as kubectl writes ages
   */
  static Optional<List<Tables.Column>> of(String kind, Tables.Column name, Tables.Column age,
                                          Function<String, String> since) {
    return Optional.ofNullable(switch (kind) {
      case "StatefulSet" -> List.of(name, new Tables.Column("Ready", "string", o -> status(o, "readyReplicas") + "/"
          + o.path("spec").path("replicas").asInt(1)), age,
          new Tables.Column("Containers", "string", 1, WorkloadColumns::containers),
          new Tables.Column("Images", "string", 1, WorkloadColumns::images));
      case "DaemonSet" -> List.of(name,
          new Tables.Column("Desired", "integer", o -> status(o, "desiredNumberScheduled")),
          new Tables.Column("Current", "integer", o -> status(o, "currentNumberScheduled")),
          new Tables.Column("Ready", "integer", o -> status(o, "numberReady")),
          new Tables.Column("Up-to-date", "integer", o -> status(o, "updatedNumberScheduled")),
          new Tables.Column("Available", "integer", o -> status(o, "numberAvailable")),
          new Tables.Column("Node Selector", "string", WorkloadColumns::nodeSelector), age);
      case "PersistentVolumeClaim" -> List.of(name,
          new Tables.Column("Status", "string", o -> o.path("status").path("phase").asText("Pending")),
          new Tables.Column("Volume", "string", o -> o.path("spec").path("volumeName").asText("")),
          new Tables.Column("Capacity", "string", o -> o.path("status").path("capacity").path("storage").asText("")),
          new Tables.Column("Access Modes", "string", o -> accessModes(o.path("status").path("accessModes"))),
          new Tables.Column("StorageClass", "string", o -> o.path("spec").path("storageClassName").asText("<unset>")),
          new Tables.Column("VolumeAttributesClass", "string", o -> "<unset>"), age,
          new Tables.Column("VolumeMode", "string", 1, o -> o.path("spec").path("volumeMode").asText("Filesystem")));
      case "PersistentVolume" -> List.of(name,
          new Tables.Column("Capacity", "string", o -> o.path("spec").path("capacity").path("storage").asText("")),
          new Tables.Column("Access Modes", "string", o -> accessModes(o.path("spec").path("accessModes"))),
          new Tables.Column("Reclaim Policy", "string", o -> o.path("spec").path("persistentVolumeReclaimPolicy")
              .asText("Retain")),
          new Tables.Column("Status", "string", o -> o.path("status").path("phase").asText("Pending")),
          new Tables.Column("Claim", "string", o -> o.path("spec").path("claimRef").path("namespace").asText("")
              + "/" + o.path("spec").path("claimRef").path("name").asText("")),
          new Tables.Column("StorageClass", "string", o -> o.path("spec").path("storageClassName").asText("")),
          new Tables.Column("VolumeAttributesClass", "string", o -> "<unset>"),
          new Tables.Column("Reason", "string", o -> o.path("status").path("reason").asText("")), age);
      case "Job" -> List.of(name, new Tables.Column("Status", "string", WorkloadColumns::jobStatus),
          new Tables.Column("Completions", "string", o -> status(o, "succeeded") + "/"
              + o.path("spec").path("completions").asInt(1)),
          new Tables.Column("Duration", "string", o -> duration(o, since)), age);
      case "CronJob" -> List.of(name,
          new Tables.Column("Schedule", "string", o -> o.path("spec").path("schedule").asText()),
          new Tables.Column("Timezone", "string", o -> o.path("spec").path("timeZone").asText("<none>")),
          new Tables.Column("Suspend", "boolean", o -> o.path("spec").path("suspend").asBoolean(false)),
          new Tables.Column("Active", "integer", o -> o.path("status").path("active").size()),
          new Tables.Column("Last Schedule", "string", o -> o.path("status").has("lastScheduleTime")
              ? since.apply(o.path("status").path("lastScheduleTime").asText()) : "<none>"), age);
      default -> null;
    });
  }

  private static String jobStatus(JsonNode job) {
    for (JsonNode c : job.path("status").path("conditions")) {
      if ("True".equals(c.path("status").asText()) && c.path("type").asText().matches("Complete|Failed|Suspended")) {
        return c.path("type").asText();
      }
    }
    return "Running";
  }

  /** From start to completion, or to now while it runs: "45s", "3m". */
  private static String duration(JsonNode job, Function<String, String> since) {
    String start = job.path("status").path("startTime").asText("");
    if (start.isEmpty()) {
      return "";
    }
    String end = job.path("status").path("completionTime").asText("");
    if (end.isEmpty()) {
      return since.apply(start);
    }
    long seconds = java.time.Duration.between(java.time.Instant.parse(start), java.time.Instant.parse(end))
        .toSeconds();
    return seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
  }

  private static String accessModes(JsonNode modes) {
    List<String> abbreviated = new ArrayList<>();
    modes.forEach(m -> abbreviated.add(switch (m.asText()) {
      case "ReadWriteOnce" -> "RWO";
      case "ReadOnlyMany" -> "ROX";
      case "ReadWriteMany" -> "RWX";
      case "ReadWriteOncePod" -> "RWOP";
      default -> m.asText();
    }));
    return String.join(",", abbreviated);
  }

  private static String nodeSelector(JsonNode daemonSet) {
    List<String> pairs = new ArrayList<>();
    daemonSet.path("spec").path("template").path("spec").path("nodeSelector").properties()
        .forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
    return pairs.isEmpty() ? "<none>" : String.join(",", pairs);
  }

  private static String containers(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.path("spec").path("template").path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    return String.join(",", names);
  }

  private static String images(JsonNode o) {
    List<String> images = new ArrayList<>();
    o.path("spec").path("template").path("spec").path("containers").forEach(c -> images.add(c.path("image")
        .asText()));
    return String.join(",", images);
  }
}
