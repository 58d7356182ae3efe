package dev.aviary.console.api;

import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.SyncStatus;
import dev.aviary.console.services.ServiceOperations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Services view's operations for scripts and ChatOps, with the same validation and the same pipeline: every
 * write is a commit by the operator, answered with the commit once it is pushed (and applied, or retrying).
 */
@RestController
@RequestMapping("/api/v1/services")
class ServicesApi {

  private final ServiceOperations operations;

  ServicesApi(ServiceOperations operations) {
    this.operations = operations;
  }

  record VersionView(String version, String deployment, String image, int ready, int updated, int desired,
                     String autoscaler) {
  }

  record StatefulSetView(String name, int ready, int desired) {
  }

  record ServiceView(String namespace, String name, List<VersionView> versions, Map<String, Integer> liveWeights,
                     List<StatefulSetView> statefulSets) {
  }

  record Weights(Map<String, Integer> desired, Map<String, Integer> live) {
  }

  record ScaleRequest(Integer replicas, String reason) {
  }

  record WeightsRequest(Map<String, Integer> weights, String reason) {
  }

  @GetMapping
  List<ServiceView> services() {
    ClusterSnapshot snapshot = operations.cluster().snapshot();
    Map<String, Map<String, Integer>> weights = operations.liveWeights(snapshot);
    return snapshot.services().stream().map(s -> view(s, weights.getOrDefault(s.name(), Map.of()))).toList();
  }

  @GetMapping("/{service}/weights")
  CompletableFuture<Weights> weights(@PathVariable String service) {
    ClusterSnapshot snapshot = operations.cluster().snapshot();
    return operations.desiredWeights(service)
        .thenApply(desired -> new Weights(desired, operations.liveWeights(snapshot, service)));
  }

  @PostMapping("/{service}/versions/{version}/scale")
  CompletableFuture<ResponseEntity<ChangeResult>> scale(@PathVariable String service, @PathVariable String version,
                                                        @RequestBody ScaleRequest request) {
    return operations.scale(service, version, replicas(request), request.reason())
        .thenApply(ServicesApi::answer);
  }

  @PostMapping("/{service}/statefulsets/{statefulSet}/scale")
  CompletableFuture<ResponseEntity<ChangeResult>> scaleStatefulSet(@PathVariable String service,
                                                                   @PathVariable String statefulSet,
                                                                   @RequestBody ScaleRequest request) {
    return operations.scaleStatefulSet(service, statefulSet, replicas(request), request.reason())
        .thenApply(ServicesApi::answer);
  }

  @PutMapping("/{service}/weights")
  CompletableFuture<ResponseEntity<ChangeResult>> setWeights(@PathVariable String service,
                                                             @RequestBody WeightsRequest request) {
    if (request == null || request.weights() == null || request.weights().isEmpty()) {
      throw new InvalidChangeException("the body needs \"weights\": version to weight, e.g. {\"v1\": 90, \"v2\": 10}");
    }
    return operations.setWeights(service, request.weights(), request.reason())
        .thenApply(ServicesApi::answer);
  }

  record Synced(String service, int objectsApplied) {
  }

  /** Git's head compared with the cluster, per service, with each differing field. */
  @GetMapping("/sync")
  CompletableFuture<SyncStatus> syncStatus() {
    return operations.syncStatus();
  }

  /** Re-applies Git's state of the service to the cluster; Git is not changed. */
  @PostMapping("/{service}/sync")
  CompletableFuture<Synced> sync(@PathVariable String service) {
    return operations.sync(service).thenApply(applied -> new Synced(service, applied));
  }

  private int replicas(ScaleRequest request) {
    if (request == null || request.replicas() == null) {
      throw new InvalidChangeException("the body needs \"replicas\": a number from 0 to " + operations.maxReplicas());
    }
    return request.replicas();
  }

  /** 200 when the cluster has it, 202 when it is committed and the cluster has yet to take it. */
  static ResponseEntity<ChangeResult> answer(ChangeResult result) {
    return result.state() == ChangeResult.State.COMMITTED_NOT_APPLIED ? ResponseEntity.accepted().body(result)
        : ResponseEntity.ok(result);
  }

  private ServiceView view(ServiceWorkload service, Map<String, Integer> liveWeights) {
    return new ServiceView(service.namespace(), service.name(), service.versions().stream()
        .map(v -> new VersionView(v.version(), v.deployment(), v.image(), v.ready(), v.updated(), v.desired(),
            operations.autoscaler(v).orElse(null))).toList(), liveWeights, service.parts().statefulSets().stream()
        .map(set -> new StatefulSetView(set.name(), set.ready(), set.desired())).toList());
  }
}
