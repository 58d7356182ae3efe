package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The controllers and kubelet of the sandbox cluster: Deployments get ReplicaSets, ReplicaSets get Pods, Pods start
 * and turn Ready; StatefulSets get ordered pods and claims, claims get volumes, DaemonSets a pod per node, Jobs run to
 * completion; orphans are garbage-collected, events are emitted. It watches through informers and reconciles on a
 * fixed tick on one thread, so its writes never race each other.
 */
public final class WorkloadSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkloadSimulator.class);

  private final KubernetesClient client;
  private final SimulatorSettings settings;
  private final DeploymentController deployments;
  private final ReplicaSetController replicaSets;
  private final Kubelet kubelet;
  private final AutoscalerController autoscalers;
  private final StatefulSetController statefulSets;
  private final DaemonSetController daemonSets;
  private final JobController jobs;
  private final VolumeProvisioner provisioner;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sandbox-simulator");
    t.setDaemon(true);
    return t;
  });
  private SharedIndexInformer<Deployment> deploymentInformer;
  private SharedIndexInformer<ReplicaSet> replicaSetInformer;
  private SharedIndexInformer<Pod> podInformer;
  private SharedIndexInformer<HorizontalPodAutoscaler> autoscalerInformer;
  private SharedIndexInformer<StatefulSet> statefulSetInformer;
  private SharedIndexInformer<DaemonSet> daemonSetInformer;
  private SharedIndexInformer<Job> jobInformer;
  private SharedIndexInformer<PersistentVolumeClaim> claimInformer;
  private SharedIndexInformer<StorageClass> storageClassInformer;

  public WorkloadSimulator(KubernetesClient client, SimulatorSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    EventRecorder events = new EventRecorder(client, clock);
    this.deployments = new DeploymentController(client, events, clock);
    this.replicaSets = new ReplicaSetController(client, events, settings);
    this.kubelet = new Kubelet(client, events, settings, clock);
    this.autoscalers = new AutoscalerController(client, events, clock);
    this.statefulSets = new StatefulSetController(client, events, settings, clock);
    this.daemonSets = new DaemonSetController(client, events, settings);
    this.jobs = new JobController(client, events, settings, clock);
    this.provisioner = new VolumeProvisioner(client, events);
  }

  /**
   * Starts the informers all at once and returns once every one has listed: one after another, each waiting for its
   * own list, they held a console's start for half a second.
   */
  public WorkloadSimulator start() {
    deploymentInformer = client.apps().deployments().inAnyNamespace().runnableInformer(0);
    replicaSetInformer = client.apps().replicaSets().inAnyNamespace().runnableInformer(0);
    podInformer = client.pods().inAnyNamespace().runnableInformer(0);
    autoscalerInformer = client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().runnableInformer(0);
    statefulSetInformer = client.apps().statefulSets().inAnyNamespace().runnableInformer(0);
    daemonSetInformer = client.apps().daemonSets().inAnyNamespace().runnableInformer(0);
    jobInformer = client.batch().v1().jobs().inAnyNamespace().runnableInformer(0);
    claimInformer = client.persistentVolumeClaims().inAnyNamespace().runnableInformer(0);
    storageClassInformer = client.storage().v1().storageClasses().runnableInformer(0);
    CompletableFuture.allOf(informers().stream().map(i -> i.start().toCompletableFuture())
        .toArray(CompletableFuture[]::new)).join();
    provisioner.installDefaultClass();
    long tick = settings.tick().toMillis();
    loop.scheduleWithFixedDelay(this::tickSafely, tick, tick, TimeUnit.MILLISECONDS);
    return this;
  }

  private List<SharedIndexInformer<?>> informers() {
    return List.of(deploymentInformer, replicaSetInformer, podInformer, autoscalerInformer, statefulSetInformer,
        daemonSetInformer, jobInformer, claimInformer, storageClassInformer);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.warn("sandbox simulator tick failed, retrying on the next one: {}", e.getMessage());
    }
  }

  /** One reconciliation pass over everything in the caches; only runs once all caches have synced. */
  void tick() {
    if (!informers().stream().allMatch(SharedIndexInformer::hasSynced)) {
      return;
    }
    ClusterView view = ClusterView.of(deploymentInformer.getStore().list(), replicaSetInformer.getStore().list(),
        podInformer.getStore().list());
    collectGarbage(view);
    autoscalerInformer.getStore().list().forEach(hpa -> autoscalers.reconcile(hpa, view.deployments()));
    view.deployments().forEach(d -> deployments.reconcile(d, view.replicaSetsOf(d)));
    view.replicaSets().forEach(rs -> replicaSets.reconcile(rs, view.podsOf(rs)));
    reconcileStateful(view);
    view.pods().forEach(kubelet::reconcile);
    deployments.forget(view.uids(view.deployments()));
    kubelet.forget(view.uids(view.pods()));
  }

  /** Claims are provisioned first, so that a StatefulSet's pods are scheduled on the tick their claims bind. */
  private void reconcileStateful(ClusterView view) {
    List<StorageClass> classes = storageClassInformer.getStore().list();
    List<PersistentVolumeClaim> claimList = claimInformer.getStore().list();
    claimList.forEach(c -> provisioner.reconcile(c, classes));
    provisioner.forget(view.uids(claimList));
    Map<String, PersistentVolumeClaim> claims = new HashMap<>();
    claimList.forEach(c -> claims.put(StatefulSetController.key(c.getMetadata().getNamespace(),
        c.getMetadata().getName()), c));
    statefulSetInformer.getStore().list().forEach(s -> statefulSets.reconcile(s, view.podsOf(s), claims));
    daemonSetInformer.getStore().list().forEach(d -> daemonSets.reconcile(d, view.podsOf(d)));
    jobInformer.getStore().list().forEach(j -> jobs.reconcile(j, view.podsOf(j)));
  }

  /** Deletes ReplicaSets and Pods whose controlling owner is gone, as the garbage collector does. */
  private void collectGarbage(ClusterView view) {
    Set<String> deploymentUids = view.uids(view.deployments());
    Set<String> replicaSetUids = view.uids(view.replicaSets());
    deleteOrphans(view.replicaSets(), "Deployment", deploymentUids);
    deleteOrphans(view.pods(), "ReplicaSet", replicaSetUids);
    deleteOrphans(view.pods(), "StatefulSet", view.uids(statefulSetInformer.getStore().list()));
    deleteOrphans(view.pods(), "DaemonSet", view.uids(daemonSetInformer.getStore().list()));
    deleteOrphans(view.pods(), "Job", view.uids(jobInformer.getStore().list()));
  }

  private void deleteOrphans(List<? extends HasMetadata> objects, String ownerKind, Set<String> liveOwners) {
    for (HasMetadata o : objects) {
      ClusterView.controller(o).filter(ref -> ownerKind.equals(ref.getKind()) && !liveOwners.contains(ref.getUid()))
          .ifPresent(ref -> Writes.ignoringConflicts(() -> client.resource(o).delete()));
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SharedIndexInformer<?> informer : new SharedIndexInformer<?>[] {deploymentInformer, replicaSetInformer,
        podInformer, autoscalerInformer, statefulSetInformer, daemonSetInformer, jobInformer, claimInformer,
        storageClassInformer}) {
      if (informer != null) {
        informer.close();
      }
    }
  }
}
