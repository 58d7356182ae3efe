package dev.aviary.console.routing;

import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port one kind of router implements (Istio VirtualService, Gateway API HTTPRoute): it reads a service's route
 * from the manifests as a {@link RouteTable} and edits it, in the versions it routes, the weights between them, and
 * the {@link SideRoute}s beside the weights. Every router checks a change against its own rules before it edits, and
 * refuses it with an {@link dev.aviary.console.gitops.InvalidChangeException} naming the problem.
 */
public interface TrafficRouter {

  /** Whether this router's objects route the service in these manifests. */
  boolean routes(Manifests manifests, String service);

  /** What the service's route does with a request: routes by header or cookie, weights, a mirror, a preview. */
  RouteTable table(Manifests manifests, String service);

  /** Sets the weights of the versions named; every version the route sends traffic to must be named. */
  void setWeights(ManifestSet manifests, String service, Map<String, Integer> weights);

  /**
   * Routes a new version of the service next to {@code from} at weight 0, with whatever this router needs to tell
   * the versions apart (an Istio subset, a Service per version); refused when the service already has it.
   */
  void addVersion(ManifestSet manifests, String service, String version, String from);

  /** Takes a version out of the route, with what {@link #addVersion} added for it and every side route to it. */
  void removeVersion(ManifestSet manifests, String service, String version);

  /** Adds a way besides the weights for requests to reach {@code version}; refused when it is not routed here. */
  void routeTo(ManifestSet manifests, String service, String version, SideRoute route);

  /** Takes out the side routes of this kind that send to {@code version}; nothing when there is none. */
  void stop(ManifestSet manifests, String service, String version, SideRoute.Kind kind);

  /** Takes out every way but the weights that requests reach {@code version}: matched routes, mirror, preview. */
  default void stopRoutingTo(ManifestSet manifests, String service, String version) {
    for (SideRoute.Kind kind : SideRoute.Kind.values()) {
      stop(manifests, service, version, kind);
    }
  }

  /** The weights Git holds, by version. */
  default Map<String, Integer> weights(Manifests manifests, String service) {
    return table(manifests, service).weights();
  }

  /**
   * The weights of each of {@code services} this router routes, by service. Routers that can answer in one pass
   * over the manifests override this; a page of a thousand services must not cost a million lookups.
   */
  default Map<String, Map<String, Integer>> allWeights(Manifests manifests, Collection<String> services) {
    Map<String, Map<String, Integer>> all = new HashMap<>();
    for (String service : services) {
      if (routes(manifests, service)) {
        all.put(service, weights(manifests, service));
      }
    }
    return all;
  }

  /** The first of the routers that routes the service in these manifests. */
  static Optional<TrafficRouter> routing(List<TrafficRouter> routers, Manifests manifests, String service) {
    return routers.stream().filter(r -> r.routes(manifests, service)).findFirst();
  }
}
