package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.AutoscalerState;
import dev.aviary.console.cluster.EventInfo;
import dev.aviary.console.cluster.PodState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.cluster.WorkloadParts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups Deployments into services by their {@code app} label, one version per Deployment, and hangs each version's
 * pods (by {@code app} and {@code version} labels) and autoscaler (by its target) on it, the service's other workloads
 * ({@link PartsAssembler}) and its events (by the object they are about) on the service.
 */
final class SnapshotAssembler {

  static final String APP_LABEL = "app";
  static final String VERSION_LABEL = "version";
  static final int EVENTS_PER_SERVICE = 20;

  /** Everything the informers hold that services are built from. */
  record Inputs(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods,
                List<HorizontalPodAutoscaler> autoscalers, List<Event> events, List<StatefulSet> statefulSets,
                List<DaemonSet> daemonSets, List<PersistentVolumeClaim> claims, List<Job> jobs,
                List<CronJob> cronJobs) {

    Inputs(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<Pod> pods,
           List<HorizontalPodAutoscaler> autoscalers, List<Event> events) {
      this(deployments, replicaSets, pods, autoscalers, events, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static Inputs of(List<Deployment> deployments) {
      return new Inputs(deployments, List.of(), List.of(), List.of(), List.of());
    }
  }

  private SnapshotAssembler() {
  }

  static List<ServiceWorkload> services(Inputs in) {
    Map<String, List<PodState>> podsByVersion = new HashMap<>();
    Map<String, String> serviceOfObject = new HashMap<>();
    for (Pod p : in.pods()) {
      String app = label(p, APP_LABEL);
      if (app != null) {
        podsByVersion.computeIfAbsent(key(p, app, label(p, VERSION_LABEL)), k -> new ArrayList<>())
            .add(StatusReader.pod(p));
        serviceOfObject.put(key(p, "Pod", p.getMetadata().getName()), key(p, app));
      }
    }
    Map<String, AutoscalerState> autoscalerOf = new HashMap<>();
    for (HorizontalPodAutoscaler h : in.autoscalers()) {
      var target = h.getSpec().getScaleTargetRef();
      if (target != null && "Deployment".equals(target.getKind())) {
        autoscalerOf.put(key(h, target.getName()), StatusReader.autoscaler(h));
      }
    }
    Map<String, Map<String, List<VersionWorkload>>> byNamespace = new TreeMap<>();
    for (Deployment d : in.deployments()) {
      String app = Objects.requireNonNullElse(label(d, APP_LABEL), d.getMetadata().getName());
      String version = Objects.requireNonNullElse(label(d, VERSION_LABEL), d.getMetadata().getName());
      AutoscalerState hpa = autoscalerOf.get(key(d, d.getMetadata().getName()));
      byNamespace.computeIfAbsent(d.getMetadata().getNamespace(), ns -> new TreeMap<>())
          .computeIfAbsent(app, a -> new ArrayList<>())
          .add(new VersionWorkload(d.getMetadata().getName(), version, image(d), StatusReader.rollout(d),
              podsByVersion.getOrDefault(key(d, app, version), List.of()), hpa));
      serviceOfObject.put(key(d, "Deployment", d.getMetadata().getName()), key(d, app));
      if (hpa != null) {
        serviceOfObject.put(key(d, "HorizontalPodAutoscaler", hpa.name()), key(d, app));
      }
    }
    for (ReplicaSet rs : in.replicaSets()) {
      String app = label(rs, APP_LABEL);
      if (app != null) {
        serviceOfObject.put(key(rs, "ReplicaSet", rs.getMetadata().getName()), key(rs, app));
      }
    }
    Map<String, WorkloadParts> parts = PartsAssembler.parts(in, serviceOfObject);
    parts.keySet().forEach(service -> {
      String[] nsAndApp = service.split("/", 2);
      byNamespace.computeIfAbsent(nsAndApp[0], ns -> new TreeMap<>()).computeIfAbsent(nsAndApp[1],
          a -> new ArrayList<>());
    });
    Map<String, List<EventInfo>> events = eventsByService(in.events(), serviceOfObject);
    List<ServiceWorkload> services = new ArrayList<>();
    byNamespace.forEach((ns, apps) -> apps.forEach((app, versions) -> {
      versions.sort(Comparator.comparing(VersionWorkload::version));
      String service = ns + "/" + app;
      services.add(new ServiceWorkload(ns, app, versions, events.getOrDefault(service, List.of()),
          parts.getOrDefault(service, WorkloadParts.NONE)));
    }));
    return services;
  }

  private static Map<String, List<EventInfo>> eventsByService(List<Event> events, Map<String, String> serviceOf) {
    Map<String, List<EventInfo>> byService = new HashMap<>();
    for (Event e : events) {
      var about = e.getInvolvedObject();
      String service = about == null ? null
          : serviceOf.get(e.getMetadata().getNamespace() + "/" + about.getKind() + "/" + about.getName());
      if (service != null) {
        byService.computeIfAbsent(service, s -> new ArrayList<>()).add(StatusReader.event(e));
      }
    }
    byService.replaceAll((service, list) -> list.stream()
        .sorted(Comparator.comparing(EventInfo::lastSeen).reversed()).limit(EVENTS_PER_SERVICE).toList());
    return byService;
  }

  private static String image(Deployment d) {
    List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
    return containers.isEmpty() ? "" : containers.getFirst().getImage();
  }

  static String label(HasMetadata o, String name) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(name);
  }

  static String key(HasMetadata o, String... parts) {
    return o.getMetadata().getNamespace() + "/" + String.join("/", parts);
  }
}
