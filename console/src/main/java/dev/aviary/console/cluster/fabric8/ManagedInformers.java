package dev.aviary.console.cluster.fabric8;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared informers for every kind Aviary reads, one per kind and managed namespace. Routing kinds (Istio,
 * Gateway API) are watched only when the cluster serves them. Informers retry on their own after errors.
 */
final class ManagedInformers implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ManagedInformers.class);

  static final ResourceDefinitionContext VIRTUAL_SERVICE = routing("networking.istio.io", "v1", "VirtualService",
      "virtualservices");
  static final ResourceDefinitionContext DESTINATION_RULE = routing("networking.istio.io", "v1", "DestinationRule",
      "destinationrules");
  static final ResourceDefinitionContext HTTP_ROUTE = routing("gateway.networking.k8s.io", "v1", "HTTPRoute",
      "httproutes");

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final Runnable onChange;
  private final Map<Object, List<SharedIndexInformer<?>>> byKind = new LinkedHashMap<>();
  /** Only the snapshot publisher thread reads and replaces this. */
  private Map<String, Converted> converted = Map.of();

  ManagedInformers(KubernetesClient client, List<String> namespaces, Runnable onChange) {
    this.client = client;
    this.namespaces = namespaces;
    this.onChange = onChange;
  }

  /**
   * Lists in pages of this many, as client-go's reflector does: 50,000 pods in one answer kept the HTTP client's
   * event loop parsing for up to 13 s (Vert.x reported it blocked), stalling every other call of the console meanwhile.
   * A server that does not page (the sandbox's) answers everything at once, which the API allows.
   */
  static final long LIST_PAGE = 500;

  void start() {
    for (String ns : namespaces) {
      add(Deployment.class, client.apps().deployments().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(ReplicaSet.class, client.apps().replicaSets().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(Pod.class, client.pods().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(Service.class, client.services().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(Event.class, client.v1().events().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(HorizontalPodAutoscaler.class, client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
          .withLimit(LIST_PAGE).runnableInformer(0));
      add(StatefulSet.class, client.apps().statefulSets().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(DaemonSet.class, client.apps().daemonSets().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(PersistentVolumeClaim.class, client.persistentVolumeClaims().inNamespace(ns).withLimit(LIST_PAGE)
          .runnableInformer(0));
      add(Job.class, client.batch().v1().jobs().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      add(CronJob.class, client.batch().v1().cronjobs().inNamespace(ns).withLimit(LIST_PAGE).runnableInformer(0));
      for (ResourceDefinitionContext routing : List.of(VIRTUAL_SERVICE, DESTINATION_RULE, HTTP_ROUTE)) {
        if (served(routing)) {
          add(routing, client.genericKubernetesResources(routing).inNamespace(ns).withLimit(LIST_PAGE)
              .runnableInformer(0));
        }
      }
    }
    byKind.values().forEach(list -> list.forEach(i -> i.start()));
  }

  private boolean served(ResourceDefinitionContext context) {
    try {
      return client.supports(context.getGroup() + "/" + context.getVersion(), context.getKind());
    } catch (RuntimeException e) {
      log.warn("could not tell whether the cluster serves {}: {}", context.getKind(), e.getMessage());
      return false;
    }
  }

  private <T extends HasMetadata> void add(Object kind, SharedIndexInformer<T> informer) {
    informer.itemStore(new LeanItemStore<>());
    InformerEvents.onAnyChange(informer, onChange);
    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(informer);
  }

  /** True when every informer has listed once and its watch is open. */
  boolean watching() {
    return byKind.values().stream().flatMap(List::stream).allMatch(i -> i.hasSynced() && i.isWatching());
  }

  @SuppressWarnings("unchecked")
  <T extends HasMetadata> List<SharedIndexInformer<T>> of(Class<T> type) {
    return byKind.getOrDefault(type, List.of()).stream().map(i -> (SharedIndexInformer<T>) i).toList();
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    List<T> items = new ArrayList<>();
    of(type).forEach(i -> items.addAll(i.getStore().list()));
    return items;
  }

  List<GenericKubernetesResource> all(ResourceDefinitionContext routing) {
    List<GenericKubernetesResource> items = new ArrayList<>();
    byKind.getOrDefault(routing, List.of()).forEach(i -> i.getStore().list()
        .forEach(o -> items.add((GenericKubernetesResource) o)));
    return items;
  }

  SnapshotAssembler.Inputs inputs() {
    return new SnapshotAssembler.Inputs(all(Deployment.class), all(ReplicaSet.class), all(Pod.class),
        all(HorizontalPodAutoscaler.class), all(Event.class), all(StatefulSet.class), all(DaemonSet.class),
        all(PersistentVolumeClaim.class), all(Job.class), all(CronJob.class));
  }

  /** Services, HPAs and the routing kinds, as plain maps (the shape manifests have when parsed). */
  List<Map<String, Object>> routingAndScaling() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(all(Service.class));
    objects.addAll(all(HorizontalPodAutoscaler.class));
    for (ResourceDefinitionContext routing : List.of(VIRTUAL_SERVICE, DESTINATION_RULE, HTTP_ROUTE)) {
      objects.addAll(all(routing));
    }
    List<Map<String, Object>> maps = new ArrayList<>(objects.size());
    Map<String, Converted> next = new HashMap<>(objects.size() * 2);
    for (HasMetadata o : objects) {
      String uid = o.getMetadata().getUid();
      String version = o.getMetadata().getResourceVersion();
      Converted c = converted.get(uid);
      if (c == null || uid == null || !java.util.Objects.equals(c.resourceVersion(), version)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Serialization.jsonMapper().convertValue(o, Map.class);
        c = new Converted(version, java.util.Collections.unmodifiableMap(map));
      }
      if (uid != null) {
        next.put(uid, c);
      }
      maps.add(c.map());
    }
    converted = next;
    return maps;
  }

  /** An object as a plain map, kept while its resourceVersion stands: converting thousands per snapshot is waste. */
  private record Converted(String resourceVersion, Map<String, Object> map) {
  }

  private static ResourceDefinitionContext routing(String group, String version, String kind, String plural) {
    return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
        .withPlural(plural).withNamespaced(true).build();
  }

  @Override
  public void close() {
    byKind.values().forEach(list -> list.forEach(SharedIndexInformer::close));
  }
}
