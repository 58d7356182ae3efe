package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a service's route does with a request, read from the router's objects: requests matching a {@link RequestMatch}
 * go to that route's version first (in order), the rest are split by weight, and a share of what the weights route
 * is copied to a mirrored version whose answers nobody gets. Requests to the service's preview ({@link PreviewRoutes})
 * go to the previewed version and no other. The sandbox's traffic model and the tests' traffic driver route by this,
 * so both do what the mesh would.
 *
 * @param matched routes ahead of the weights, in the order the router tries them
 * @param weights relative weights by version, in the versions' order (Istio's sum to 100; the Gateway API's need not)
 * @param preview the version the preview route answers with, when there is one
 */
public record RouteTable(List<MatchedRoute> matched, Map<String, Integer> weights, Optional<Mirror> mirror,
                         Optional<String> preview) {

  /** Requests matching {@code match} go to {@code version}. */
  public record MatchedRoute(RequestMatch match, String version) {
  }

  /**
   * {@code percent} of the requests the weights route are also sent to {@code version}; its answers are dropped.
   */
  public record Mirror(String version, int percent) {
    public Mirror {
      if (percent < 1 || percent > 100) {
        throw new InvalidChangeException("a mirror's share must be between 1 and 100 percent, got " + percent);
      }
    }
  }

  public RouteTable {
    matched = List.copyOf(matched);
    // By version's name, as every page and message lists them.
    weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
  }

  /** A route without a preview. */
  public RouteTable(List<MatchedRoute> matched, Map<String, Integer> weights, Optional<Mirror> mirror) {
    this(matched, weights, mirror, Optional.empty());
  }

  /** A route that only splits by weight. */
  public static RouteTable weighted(Map<String, Integer> weights) {
    return new RouteTable(List.of(), weights, Optional.empty());
  }

  /**
   * The version that answers a request with these headers (names lower-case), given {@code draw} uniform in [0, 1)
   * for the weighted choice; empty when the weights send it nowhere.
   */
  public Optional<String> answering(Map<String, String> headers, double draw) {
    return matching(headers).or(() -> weighted(draw));
  }

  /** The version of the first matched route these headers (names lower-case) match, if any. */
  public Optional<String> matching(Map<String, String> headers) {
    return matched.stream().filter(r -> r.match().matches(headers)).map(MatchedRoute::version).findFirst();
  }

  /** The version the weights pick for {@code draw} uniform in [0, 1); empty when they send nothing anywhere. */
  public Optional<String> weighted(double draw) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    double left = draw * total;
    for (Map.Entry<String, Integer> w : new TreeMap<>(weights).entrySet()) {
      left -= w.getValue();
      if (left < 0) {
        return Optional.of(w.getKey());
      }
    }
    return Optional.empty();
  }

  /** Whether a request the weights answered is also mirrored, given {@code draw} uniform in [0, 1). */
  public Optional<String> mirroredTo(double draw) {
    return mirror.filter(m -> draw * 100 < m.percent()).map(Mirror::version);
  }

  /** Each version's share of the requests no match takes, 0 to 1. */
  public double share(String version) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    return total == 0 ? 0 : weights.getOrDefault(version, 0) / (double) total;
  }
}
