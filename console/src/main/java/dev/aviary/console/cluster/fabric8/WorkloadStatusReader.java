package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClaimState;
import dev.aviary.console.cluster.Condition;
import dev.aviary.console.cluster.CronJobState;
import dev.aviary.console.cluster.DaemonSetState;
import dev.aviary.console.cluster.JobState;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.StatefulSetState;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;
import java.util.Objects;

import static dev.aviary.console.cluster.fabric8.StatusReader.count;
import static dev.aviary.console.cluster.fabric8.StatusReader.nonNull;

/** Reads the status of the workloads besides Deployments: StatefulSets, DaemonSets, claims, Jobs and CronJobs. */
final class WorkloadStatusReader {

  private WorkloadStatusReader() {
  }

  static StatefulSetState statefulSet(StatefulSet s, List<PodState> pods) {
    var spec = s.getSpec();
    var status = s.getStatus();
    int desired = Objects.requireNonNullElse(spec.getReplicas(), 1);
    var strategy = spec.getUpdateStrategy();
    boolean onDelete = strategy != null && "OnDelete".equals(strategy.getType());
    int partition = strategy == null || strategy.getRollingUpdate() == null ? 0
        : count(strategy.getRollingUpdate().getPartition());
    if (status == null) {
      return new StatefulSetState(s.getMetadata().getName(), desired, 0, 0, 0, "", "", partition, onDelete, false,
          pods);
    }
    return new StatefulSetState(s.getMetadata().getName(), desired, count(status.getReadyReplicas()),
        count(status.getCurrentReplicas()), count(status.getUpdatedReplicas()), nonNull(status.getCurrentRevision()),
        nonNull(status.getUpdateRevision()), partition, onDelete, observed(s.getMetadata().getGeneration(),
        status.getObservedGeneration()), pods);
  }

  static DaemonSetState daemonSet(DaemonSet d) {
    var status = d.getStatus();
    var strategy = d.getSpec().getUpdateStrategy();
    boolean onDelete = strategy != null && "OnDelete".equals(strategy.getType());
    if (status == null) {
      return new DaemonSetState(d.getMetadata().getName(), 0, 0, 0, 0, 0, 0, onDelete, false);
    }
    return new DaemonSetState(d.getMetadata().getName(), count(status.getDesiredNumberScheduled()),
        count(status.getCurrentNumberScheduled()), count(status.getUpdatedNumberScheduled()),
        count(status.getNumberReady()), count(status.getNumberAvailable()), count(status.getNumberMisscheduled()),
        onDelete, observed(d.getMetadata().getGeneration(), status.getObservedGeneration()));
  }

  /**
   * @param problem the newest warning event about the claim, or empty
   */
  static ClaimState claim(PersistentVolumeClaim c, String problem) {
    var spec = c.getSpec();
    Quantity storage = spec == null || spec.getResources() == null || spec.getResources().getRequests() == null ? null
        : spec.getResources().getRequests().get("storage");
    return new ClaimState(c.getMetadata().getName(), c.getStatus() == null || c.getStatus().getPhase() == null
        ? "Pending" : c.getStatus().getPhase(), spec == null ? "" : nonNull(spec.getStorageClassName()),
        storage == null ? "" : storage.toString(), spec == null ? "" : nonNull(spec.getVolumeName()), problem,
        StatusReader.time(c.getMetadata().getCreationTimestamp()));
  }

  static JobState job(Job j) {
    var status = j.getStatus();
    int completions = Objects.requireNonNullElse(j.getSpec().getCompletions(), 1);
    boolean suspended = Boolean.TRUE.equals(j.getSpec().getSuspend());
    if (status == null) {
      return new JobState(j.getMetadata().getName(), 0, 0, 0, completions, suspended, List.of(), null, null);
    }
    List<Condition> conditions = status.getConditions().stream().map(c -> new Condition(c.getType(), c.getStatus(),
        nonNull(c.getReason()), nonNull(c.getMessage()), StatusReader.time(c.getLastTransitionTime()))).toList();
    return new JobState(j.getMetadata().getName(), count(status.getActive()), count(status.getSucceeded()),
        count(status.getFailed()), completions, suspended, conditions, StatusReader.time(status.getStartTime()),
        StatusReader.time(status.getCompletionTime()));
  }

  static CronJobState cronJob(CronJob c, List<JobState> jobs) {
    var status = c.getStatus();
    return new CronJobState(c.getMetadata().getName(), nonNull(c.getSpec().getSchedule()),
        Boolean.TRUE.equals(c.getSpec().getSuspend()),
        status == null ? null : StatusReader.time(status.getLastScheduleTime()),
        status == null ? null : StatusReader.time(status.getLastSuccessfulTime()), jobs);
  }

  private static boolean observed(Long generation, Long observedGeneration) {
    return observedGeneration != null && observedGeneration >= Objects.requireNonNullElse(generation, 0L);
  }
}
