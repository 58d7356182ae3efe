package dev.aviary.console.routing;

import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of router (Istio VirtualService, Gateway API HTTPRoute) spells traffic weights in the manifests.
 * Weights are per version of a service; every router checks them against its own rules before it edits.
 */
public interface TrafficRouter {

  /** Whether this router's objects route the service in these manifests. */
  boolean routes(Manifests manifests, String service);

  /** The weights Git holds, by version. */
  Map<String, Integer> weights(Manifests manifests, String service);

  /**
   * Sets the weights of the versions named; every version the route sends traffic to must be named.
   *
   * @throws dev.aviary.console.gitops.InvalidChangeException naming the problem
   */
  void setWeights(ManifestSet manifests, String service, Map<String, Integer> weights);

  /**
   * Routes a new version of the service next to {@code from} at weight 0, with whatever this router needs to tell
   * the versions apart (an Istio subset, a Service per version).
   *
   * @throws dev.aviary.console.gitops.InvalidChangeException when the service is not routed here or already has it
   */
  void addVersion(ManifestSet manifests, String service, String version, String from);

  /**
   * Takes a version out of the route, with what {@link #addVersion} added for it and any match, mirror or preview
   * to it.
   */
  void removeVersion(ManifestSet manifests, String service, String version);

  /** What the service's route does with a request: routes by header or cookie, weights, and a mirror. */
  RouteTable table(Manifests manifests, String service);

  /**
   * Sends requests matching {@code match} to {@code version} ahead of the weights, replacing any such route to it.
   *
   * @throws dev.aviary.console.gitops.InvalidChangeException when the service or the version is not routed here
   */
  void routeMatching(ManifestSet manifests, String service, RequestMatch match, String version);

  /** Takes out the routes that send matching requests to {@code version}; nothing when there is none. */
  void stopRoutingMatching(ManifestSet manifests, String service, String version);

  /**
   * Copies {@code percent} of the requests the weights route to {@code version}, whose answers are dropped;
   * replaces any mirror the route had.
   *
   * @throws dev.aviary.console.gitops.InvalidChangeException when the service or the version is not routed here
   */
  void mirror(ManifestSet manifests, String service, String version, int percent);

  /** Stops mirroring; nothing when the route mirrors nothing. */
  void stopMirroring(ManifestSet manifests, String service);

  /** Stops mirroring if the route mirrors to {@code version}; a mirror to another version stays. */
  default void stopMirroringTo(ManifestSet manifests, String service, String version) {
    if (table(manifests, service).mirror().filter(m -> m.version().equals(version)).isPresent()) {
      stopMirroring(manifests, service);
    }
  }

  /**
   * Points the service's preview (a Service {@code <service>-preview} and a route of this router's kind for it, see
   * {@link PreviewRoutes}) at {@code version}: its requests reach only that version, and no user's request does.
   *
   * @throws dev.aviary.console.gitops.InvalidChangeException when the service or the version is not routed here
   */
  void preview(ManifestSet manifests, String service, String version);

  /** Removes the service's preview; nothing when there is none. */
  default void stopPreview(ManifestSet manifests, String service) {
    PreviewRoutes.stopPreview(manifests, service);
  }

  /** Takes out every way but the weights that requests reach {@code version}: its matched routes, mirror, preview. */
  default void stopRoutingTo(ManifestSet manifests, String service, String version) {
    stopRoutingMatching(manifests, service, version);
    stopMirroringTo(manifests, service, version);
    if (table(manifests, service).preview().filter(version::equals).isPresent()) {
      stopPreview(manifests, service);
    }
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
