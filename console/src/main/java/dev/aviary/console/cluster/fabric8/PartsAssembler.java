package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClaimState;
import dev.aviary.console.cluster.CronJobState;
import dev.aviary.console.cluster.DaemonSetState;
import dev.aviary.console.cluster.JobState;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.StatefulSetState;
import dev.aviary.console.cluster.WorkloadParts;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static dev.aviary.console.cluster.fabric8.SnapshotAssembler.APP_LABEL;
import static dev.aviary.console.cluster.fabric8.SnapshotAssembler.key;
import static dev.aviary.console.cluster.fabric8.SnapshotAssembler.label;

/**
 * Groups the workloads besides Deployments under their service by the {@code app} label (a workload without one is
 * a service of its own name; a claim without one belongs to none): StatefulSets with their pods (by owner), DaemonSets,
 * volume claims with the newest warning about them, Jobs, and CronJobs with the Jobs they made (by owner).
 */
final class PartsAssembler {

  /** One service's parts while they are gathered. */
  private record Gathered(List<StatefulSetState> statefulSets, List<DaemonSetState> daemonSets,
                          List<ClaimState> claims, List<JobState> jobs, List<CronJobState> cronJobs) {
    Gathered() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    WorkloadParts parts() {
      return new WorkloadParts(statefulSets, daemonSets, claims, jobs, cronJobs);
    }
  }

  private PartsAssembler() {
  }

  /**
   * @param serviceOfObject filled with "namespace/Kind/name" to "namespace/app" for every part, so that events about
   *                        a part are shown with its service
   * @return the parts per "namespace/app"
   */
  static Map<String, WorkloadParts> parts(SnapshotAssembler.Inputs in, Map<String, String> serviceOfObject) {
    Map<String, List<PodState>> podsByOwner = new HashMap<>();
    for (Pod p : in.pods()) {
      owner(p, "StatefulSet").ifPresent(o -> podsByOwner.computeIfAbsent(key(p, "StatefulSet", o), k ->
          new ArrayList<>()).add(StatusReader.pod(p)));
    }
    Map<String, Gathered> byService = new TreeMap<>();
    for (var s : in.statefulSets()) {
      gather(s, "StatefulSet", byService, serviceOfObject).statefulSets().add(WorkloadStatusReader.statefulSet(s,
          podsByOwner.getOrDefault(key(s, "StatefulSet", s.getMetadata().getName()), List.of())));
    }
    for (var d : in.daemonSets()) {
      gather(d, "DaemonSet", byService, serviceOfObject).daemonSets().add(WorkloadStatusReader.daemonSet(d));
    }
    Map<String, String> warnings = newestWarnings(in.events());
    for (var c : in.claims()) {
      if (label(c, APP_LABEL) != null) {
        String warning = warnings.getOrDefault(key(c, "PersistentVolumeClaim", c.getMetadata().getName()), "");
        gather(c, "PersistentVolumeClaim", byService, serviceOfObject).claims()
            .add(WorkloadStatusReader.claim(c, warning));
      }
    }
    gatherJobs(in, byService, serviceOfObject);
    Map<String, WorkloadParts> parts = new TreeMap<>();
    byService.forEach((service, gathered) -> parts.put(service, gathered.parts()));
    return parts;
  }

  /** Jobs a CronJob made go under the CronJob (and its service, for their events); other Jobs stand alone. */
  private static void gatherJobs(SnapshotAssembler.Inputs in, Map<String, Gathered> byService,
                                 Map<String, String> serviceOfObject) {
    Map<String, List<JobState>> jobsOfCronJob = new HashMap<>();
    Map<String, String> cronJobOfJob = new HashMap<>();
    for (var j : in.jobs()) {
      Optional<String> cronJob = owner(j, "CronJob");
      if (cronJob.isPresent()) {
        String cronJobKey = key(j, "CronJob", cronJob.get());
        jobsOfCronJob.computeIfAbsent(cronJobKey, k -> new ArrayList<>()).add(WorkloadStatusReader.job(j));
        cronJobOfJob.put(key(j, "Job", j.getMetadata().getName()), cronJobKey);
      } else {
        gather(j, "Job", byService, serviceOfObject).jobs().add(WorkloadStatusReader.job(j));
      }
    }
    for (var c : in.cronJobs()) {
      gather(c, "CronJob", byService, serviceOfObject).cronJobs().add(WorkloadStatusReader.cronJob(c,
          jobsOfCronJob.getOrDefault(key(c, "CronJob", c.getMetadata().getName()), List.of())));
    }
    cronJobOfJob.forEach((job, cronJob) -> Optional.ofNullable(serviceOfObject.get(cronJob))
        .ifPresent(service -> serviceOfObject.put(job, service)));
  }

  private static Gathered gather(HasMetadata o, String kind, Map<String, Gathered> byService,
                                 Map<String, String> serviceOf) {
    String service = key(o, Objects.requireNonNullElse(label(o, APP_LABEL), o.getMetadata().getName()));
    serviceOf.put(key(o, kind, o.getMetadata().getName()), service);
    return byService.computeIfAbsent(service, s -> new Gathered());
  }

  private static Optional<String> owner(HasMetadata o, String kind) {
    List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
    return owners == null ? Optional.empty() : owners.stream().filter(r -> kind.equals(r.getKind()))
        .map(OwnerReference::getName).findFirst();
  }

  /** The newest warning's message per "namespace/Kind/name" it is about. */
  private static Map<String, String> newestWarnings(List<Event> events) {
    Map<String, String> newest = new HashMap<>();
    events.stream().filter(e -> "Warning".equals(e.getType()) && e.getInvolvedObject() != null)
        .map(e -> Map.entry(e, StatusReader.event(e)))
        .sorted(Comparator.comparing(e -> e.getValue().lastSeen()))
        .forEach(e -> newest.put(e.getKey().getMetadata().getNamespace() + "/" + e.getValue().objectKind() + "/"
            + e.getValue().objectName(), e.getValue().reason() + ": " + e.getValue().message()));
    return newest;
  }
}
