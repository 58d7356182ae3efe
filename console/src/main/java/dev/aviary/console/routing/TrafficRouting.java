package dev.aviary.console.routing;

import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Traffic weights per version of a service: as Git holds them (desired), as the cluster's routing objects hold them
 * (live), and the intent that changes them. Istio and the Gateway API are tried in that order.
 */
@Service
public class TrafficRouting {

  private final List<TrafficRouter> routers = List.of(new IstioRouter(), new GatewayApiRouter());
  private final GitWorkspace workspace;
  private final GitProperties git;

  public TrafficRouting(GitWorkspace workspace, GitProperties git) {
    this.workspace = workspace;
    this.git = git;
  }

  /** Git's weights after a fetch; empty when no route in Git sends traffic to the service. Blocks on Git. */
  public Map<String, Integer> desired(String service) {
    workspace.sync();
    return weights(new ManifestSet(workspace, git.path()), service);
  }

  /** The cluster's weights, read from the live routing objects; empty when none routes the service. */
  public Map<String, Integer> live(List<Map<String, Object>> liveObjects, String service) {
    return weights(Manifests.live(liveObjects), service);
  }

  /** The cluster's weights for many services at once, in one pass per router; services no route names are left out. */
  public Map<String, Map<String, Integer>> live(List<Map<String, Object>> liveObjects, Collection<String> services) {
    Manifests manifests = Manifests.live(liveObjects);
    Set<String> remaining = new HashSet<>(services);
    Map<String, Map<String, Integer>> all = new HashMap<>();
    for (TrafficRouter router : routers) {
      Map<String, Map<String, Integer>> routed = router.allWeights(manifests, remaining);
      all.putAll(routed);
      remaining.removeAll(routed.keySet());
    }
    return all;
  }

  /**
   * What the cluster's routing objects do with each service's requests; services no route names are left out. Only a
   * service routed to more than one version can route by request or mirror, so only those are read whole: the rest
   * cost no more than {@link #live(List, Collection)}.
   */
  public Map<String, RouteTable> liveTables(List<Map<String, Object>> liveObjects, Collection<String> services) {
    Manifests manifests = Manifests.live(liveObjects);
    Map<String, RouteTable> tables = new HashMap<>();
    live(liveObjects, services).forEach((service, weights) -> tables.put(service, weights.size() < 2
        ? RouteTable.weighted(weights)
        : TrafficRouter.routing(routers, manifests, service).map(r -> r.table(manifests, service))
            .orElse(RouteTable.weighted(weights))));
    return tables;
  }

  /** The routers, most specific first: for the release feature's own edits. */
  public List<TrafficRouter> routers() {
    return routers;
  }

  public Intent setWeights(String service, Map<String, Integer> weights) {
    return new SetTrafficWeights(service, weights, routers);
  }

  private Map<String, Integer> weights(Manifests manifests, String service) {
    return TrafficRouter.routing(routers, manifests, service).map(r -> r.weights(manifests, service))
        .orElse(Map.of());
  }
}
