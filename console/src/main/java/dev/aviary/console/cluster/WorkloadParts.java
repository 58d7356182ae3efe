package dev.aviary.console.cluster;

import java.util.List;

/**
 * What a service runs besides its Deployments, grouped under it by the {@code app} label: a database's StatefulSet
 * and its volume claims, a DaemonSet, Jobs and CronJobs. Jobs a CronJob made are listed under the CronJob.
 */
public record WorkloadParts(List<StatefulSetState> statefulSets, List<DaemonSetState> daemonSets,
                            List<ClaimState> claims, List<JobState> jobs, List<CronJobState> cronJobs) {

  public static final WorkloadParts NONE = new WorkloadParts(List.of(), List.of(), List.of(), List.of(), List.of());

  public WorkloadParts {
    statefulSets = List.copyOf(statefulSets);
    daemonSets = List.copyOf(daemonSets);
    claims = List.copyOf(claims);
    jobs = List.copyOf(jobs);
    cronJobs = List.copyOf(cronJobs);
  }

  public boolean isEmpty() {
    return statefulSets.isEmpty() && daemonSets.isEmpty() && claims.isEmpty() && jobs.isEmpty() && cronJobs.isEmpty();
  }
}
