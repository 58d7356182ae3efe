package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.Manifests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finding a service's routes in Istio VirtualServices. The primary route is the first HTTP route to the service's host
 * that matches on no header: it splits traffic by weight. Routes that match a header or cookie and send to one subset
 * of the host come before it; those are the ones a release adds ({@link RequestMatch}).
 */
final class IstioRoutes {

  /** An HTTP route of a VirtualService: where it is, the host it sends to, and its destinations. */
  record Route(ManifestReader.Manifest manifest, int httpIndex, String host, List<Map<String, Object>> destinations,
               Map<String, Object> http) {
  }

  private IstioRoutes() {
  }

  static Optional<Route> primary(Manifests manifests, String service) {
    for (ManifestReader.Manifest vs : manifests.ofKind("VirtualService")) {
      Optional<Route> route = primary(vs, vs.object(), service);
      if (route.isPresent()) {
        return route;
      }
    }
    return Optional.empty();
  }

  /** The primary route in one VirtualService's {@code object} (its content now, which may differ from the manifest's). */
  static Optional<Route> primary(ManifestReader.Manifest vs, Map<String, Object> object, String service) {
    return routes(vs, object, service).stream().filter(r -> !matchesHeaders(r.http())).findFirst();
  }

  /** The routes to the service's host in one VirtualService's {@code object}, in order. */
  @SuppressWarnings("unchecked")
  static List<Route> routes(ManifestReader.Manifest vs, Map<String, Object> object, String service) {
    List<Object> http = (List<Object>) Manifests.field(object, "spec", "http").orElse(List.of());
    List<Route> routes = new java.util.ArrayList<>();
    for (int i = 0; i < http.size(); i++) {
      List<Map<String, Object>> destinations = (List<Map<String, Object>>) Manifests.field(object, "spec", "http", i,
          "route").orElse(List.of());
      for (Map<String, Object> destination : destinations) {
        String host = String.valueOf(Manifests.field(destination, "destination", "host").orElse(""));
        if (host.equals(service) || host.startsWith(service + ".")) {
          routes.add(new Route(vs, i, host, destinations, (Map<String, Object>) http.get(i)));
          break;
        }
      }
    }
    return routes;
  }

  /** The VirtualService that holds the service's primary route. */
  static ManifestReader.Manifest virtualService(Manifests manifests, String service) {
    return primary(manifests, service).orElseThrow(() -> notRouted(service)).manifest();
  }

  @SuppressWarnings("unchecked")
  static boolean matchesHeaders(Map<String, Object> http) {
    return ((List<Object>) http.getOrDefault("match", List.of())).stream()
        .anyMatch(m -> m instanceof Map<?, ?> match && match.get("headers") != null);
  }

  /** The weights of a route's destinations by subset; a lone destination without a weight has all. */
  static Map<String, Integer> weights(List<Map<String, Object>> destinations) {
    Map<String, Integer> weights = new TreeMap<>();
    for (Map<String, Object> d : destinations) {
      int weight = Manifests.field(d, "weight").map(w -> ((Number) w).intValue()).orElse(destinations.size() == 1 ? 100 : 0);
      weights.put(String.valueOf(Manifests.field(d, "destination", "subset").orElse("")), weight);
    }
    return weights;
  }

  static String subsetOf(Map<String, Object> destination) {
    return String.valueOf(Manifests.field(destination, "destination", "subset").orElse(""));
  }

  /** A destination shaped like the primary route's first one: same host and port, another subset. */
  static Map<String, Object> destination(Route primary, String version) {
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("host", primary.host());
    destination.put("subset", version);
    Manifests.field(primary.destinations().getFirst(), "destination", "port")
        .ifPresent(port -> destination.put("port", port));
    return destination;
  }

  static InvalidChangeException notRouted(String service) {
    return new InvalidChangeException("no VirtualService routes to service '" + service + "'");
  }
}
