package dev.aviary.console.routing;

import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestSet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Move traffic between the versions of a service, through whichever router the manifests use. */
public final class SetTrafficWeights implements Intent {

  /** Setting a service's traffic weights: the API's, the trailer's and the audit's name for it. */
  public static final String SET_WEIGHTS = "set-weights";

  private final String service;
  private final Map<String, Integer> weights;
  private final List<TrafficRouter> routers;

  public SetTrafficWeights(String service, Map<String, Integer> weights, List<TrafficRouter> routers) {
    this.service = service;
    this.weights = new TreeMap<>(weights);
    this.routers = routers;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String action() {
    return SET_WEIGHTS;
  }

  @Override
  public String summary() {
    return "route " + weights.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "%")
        .collect(Collectors.joining(", "));
  }

  @Override
  public void edit(ManifestSet manifests) {
    manifests.deploymentsOf(service);
    TrafficRouter router = TrafficRouter.routing(routers, manifests, service)
        .orElseThrow(() -> new InvalidChangeException("no route for service '" + service
            + "' in the manifests (neither an Istio VirtualService nor a Gateway API HTTPRoute)"));
    router.setWeights(manifests, service, weights);
  }
}
