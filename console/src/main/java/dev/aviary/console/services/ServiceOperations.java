package dev.aviary.console.services;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.cluster.VersionWorkload;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangeEvents;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.SyncService;
import dev.aviary.console.gitops.SyncStatus;
import dev.aviary.console.routing.SetTrafficWeights;
import dev.aviary.console.routing.TrafficRouting;
import dev.aviary.console.scaling.ScaleStatefulSet;
import dev.aviary.console.scaling.ScaleVersion;
import dev.aviary.console.scaling.ScaleWorkload;
import dev.aviary.console.scaling.ScalingProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What operators do to services, for the Services view and the JSON API alike: read them live, scale a version,
 * move traffic between versions. Every change goes through the change pipeline; the futures complete off the
 * caller's thread, so no page waits on Git or the cluster.
 */
@Service
public class ServiceOperations {

  private final ClusterState cluster;
  private final ChangePipeline pipeline;
  private final TrafficRouting routing;
  private final ScalingProperties scaling;
  private final Operators operators;
  private final SyncService syncService;
  private final ChangeEvents changes;
  private final AsyncTaskExecutor executor;

  ServiceOperations(ClusterState cluster, ChangePipeline pipeline, TrafficRouting routing, ScalingProperties scaling,
                    Operators operators, SyncService syncService, ChangeEvents changes, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.cluster = cluster;
    this.pipeline = pipeline;
    this.routing = routing;
    this.scaling = scaling;
    this.operators = operators;
    this.syncService = syncService;
    this.changes = changes;
    this.executor = executor;
  }

  /** Who a change made now is attributed to: the signed-in person, read on the calling thread. */
  private Identity operator() {
    return operators.current();
  }

  public ClusterState cluster() {
    return cluster;
  }

  public int maxReplicas() {
    return scaling.maxReplicas();
  }

  /** Why the signed-in person may not scale, move traffic or sync; empty when they may. */
  public Optional<String> changeRefusal() {
    return operators.refusal(Role.OPERATOR);
  }

  /** Sets a version's replicas (its autoscaler's range when one manages it), as the signed-in person. */
  @Requires(value = Role.OPERATOR, action = ScaleWorkload.SCALE)
  public CompletableFuture<ChangeResult> scale(String service, String version, int replicas, String reason) {
    Identity actor = operator();
    return CompletableFuture.supplyAsync(() -> pipeline.submit(new Change(
        new ScaleVersion(service, version, replicas, scaling.maxReplicas()), actor, reason)), executor);
  }

  /** Sets a StatefulSet's replicas (its autoscaler's range when one manages it), as the signed-in person. */
  @Requires(value = Role.OPERATOR, action = ScaleWorkload.SCALE)
  public CompletableFuture<ChangeResult> scaleStatefulSet(String service, String statefulSet, int replicas,
                                                          String reason) {
    Identity actor = operator();
    return CompletableFuture.supplyAsync(() -> pipeline.submit(new Change(
        new ScaleStatefulSet(service, statefulSet, replicas, scaling.maxReplicas()), actor, reason)), executor);
  }

  /** Moves traffic between a service's versions, as the signed-in person. */
  @Requires(value = Role.OPERATOR, action = SetTrafficWeights.SET_WEIGHTS)
  public CompletableFuture<ChangeResult> setWeights(String service, Map<String, Integer> weights, String reason) {
    Identity actor = operator();
    return CompletableFuture.supplyAsync(() -> pipeline.submit(new Change(routing.setWeights(service, weights), actor,
        reason)), executor);
  }

  /** Changes pushed through this console, as they happen (for views that show Git's state). */
  public ChangeEvents changes() {
    return changes;
  }

  /** Git's head compared with the cluster, per service. */
  public CompletableFuture<SyncStatus> syncStatus() {
    return syncService.status();
  }

  /** Re-applies Git's state of a service to the cluster, as the signed-in person; answers the objects applied. */
  @Requires(value = Role.OPERATOR, action = "sync")
  public CompletableFuture<Integer> sync(String service) {
    return syncService.sync(service, operator());
  }

  /** Git's weights for the service, by version. */
  public CompletableFuture<Map<String, Integer>> desiredWeights(String service) {
    return CompletableFuture.supplyAsync(() -> routing.desired(service), executor);
  }

  public Map<String, Integer> liveWeights(ClusterSnapshot snapshot, String service) {
    return routing.live(snapshot.objects(), service);
  }

  /** The live weights of every service a route names, read in one pass. */
  public Map<String, Map<String, Integer>> liveWeights(ClusterSnapshot snapshot) {
    return routing.live(snapshot.objects(), snapshot.services().stream().map(ServiceWorkload::name).toList());
  }

  /** The autoscaler that manages a version's Deployment, as "HorizontalPodAutoscaler name (min a, max b)". */
  public Optional<String> autoscaler(VersionWorkload version) {
    return version.hpa().map(h -> "HorizontalPodAutoscaler " + h.name() + " (min " + h.min() + ", max " + h.max()
        + ")");
  }
}
