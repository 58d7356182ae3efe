package dev.aviary.console.routing;

import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes by request and mirrors in an Istio VirtualService. A matched route is an HTTP route of its own, named
 * {@code aviary-match-<version>}, placed just before the primary one (Istio tries routes in order), matching the
 * header exactly or the {@code cookie} header by a regular expression, with the primary route's retries and timeout.
 * A mirror is the primary route's {@code mirror} and {@code mirrorPercentage}.
 */
final class IstioRequestRouting {

  static final String MATCHED_PREFIX = "aviary-match-";

  private IstioRequestRouting() {
  }

  static RouteTable table(Manifests manifests, String service) {
    IstioRoutes.Route primary = IstioRoutes.primary(manifests, service)
        .orElseThrow(() -> IstioRoutes.notRouted(service));
    List<RouteTable.MatchedRoute> matched = new ArrayList<>();
    for (IstioRoutes.Route route : IstioRoutes.routes(primary.manifest(), primary.manifest().object(), service)) {
      if (IstioRoutes.matchesHeaders(route.http()) && route.destinations().size() == 1) {
        match(route.http()).ifPresent(m -> matched.add(new RouteTable.MatchedRoute(m,
            IstioRoutes.subsetOf(route.destinations().getFirst()))));
      }
    }
    return new RouteTable(matched, IstioRoutes.weights(primary.destinations()), mirror(primary.http()),
        PreviewRoutes.version(manifests, service, "VirtualService"));
  }

  /** Sends matching requests to {@code version} ahead of the weights, replacing any matched route to it. */
  static void routeMatching(ManifestSet manifests, String service, RequestMatch match, String version) {
    stopRoutingMatching(manifests, service, version);
    ManifestReader.Manifest vs = IstioRoutes.virtualService(manifests, service);
    IstioRoutes.Route primary = IstioRoutes.primary(vs, manifests.current(vs), service).orElseThrow();
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("name", MATCHED_PREFIX + version);
    rule.put("match", List.of(Map.of("headers", Map.of(
        match.kind() == RequestMatch.Kind.HEADER ? match.name() : "cookie",
        match.kind() == RequestMatch.Kind.HEADER ? Map.of("exact", match.value())
            : Map.of("regex", match.cookieRegex())))));
    rule.put("route", List.of(Map.of("destination", IstioRoutes.destination(primary, version))));
    keepRetriesAndTimeout(primary, rule);
    manifests.edit(vs.file()).insert(vs.document(), List.of("spec", "http"), primary.httpIndex(), rule);
  }

  private static void keepRetriesAndTimeout(IstioRoutes.Route primary, Map<String, Object> rule) {
    for (String kept : List.of("retries", "timeout")) {
      if (primary.http().get(kept) != null) {
        rule.put(kept, primary.http().get(kept));
      }
    }
  }

  /**
   * The preview's VirtualService: inside the mesh only (an ingress gateway admits only the host names its servers
   * list), every request to the preview Service's host to it, with the primary route's retries and timeout.
   */
  static Map<String, Object> previewRoute(Manifests manifests, String service) {
    IstioRoutes.Route primary = IstioRoutes.primary(manifests, service).orElseThrow(() -> IstioRoutes.notRouted(
        service));
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("host", PreviewRoutes.name(service));
    destination.put("port", Map.of("number", PreviewRoutes.port(manifests, service)));
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("name", "preview");
    http.put("route", List.of(Map.of("destination", destination)));
    keepRetriesAndTimeout(primary, http);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("hosts", List.of(PreviewRoutes.name(service)));
    spec.put("gateways", List.of("mesh"));
    spec.put("http", List.of(http));
    Map<String, Object> vs = new LinkedHashMap<>();
    vs.put("apiVersion", primary.manifest().object().get("apiVersion"));
    vs.put("kind", "VirtualService");
    vs.put("metadata", PreviewRoutes.metadata(service, primary.manifest()));
    vs.put("spec", spec);
    return vs;
  }

  /** Removes every matched route that sends to {@code version}; nothing when there is none. */
  static void stopRoutingMatching(ManifestSet manifests, String service, String version) {
    ManifestReader.Manifest vs = IstioRoutes.virtualService(manifests, service);
    for (Optional<IstioRoutes.Route> route = matchedTo(manifests, vs, service, version); route.isPresent();
         route = matchedTo(manifests, vs, service, version)) {
      manifests.edit(vs.file()).remove(vs.document(), List.of("spec", "http", route.get().httpIndex()));
    }
  }

  static void mirror(ManifestSet manifests, String service, RouteTable.Mirror mirror) {
    ManifestReader.Manifest vs = IstioRoutes.virtualService(manifests, service);
    IstioRoutes.Route primary = IstioRoutes.primary(vs, manifests.current(vs), service).orElseThrow();
    List<Object> path = List.of("spec", "http", primary.httpIndex());
    manifests.edit(vs.file()).set(vs.document(), append(path, "mirror"), IstioRoutes.destination(primary,
        mirror.version()));
    manifests.edit(vs.file()).set(vs.document(), append(path, "mirrorPercentage"),
        Map.of("value", mirror.percent()));
  }

  /** Stops the mirror if it copies to {@code version}; a mirror to another version stays. */
  static void stopMirroringTo(ManifestSet manifests, String service, String version) {
    ManifestReader.Manifest vs = IstioRoutes.virtualService(manifests, service);
    IstioRoutes.Route primary = IstioRoutes.primary(vs, manifests.current(vs), service).orElseThrow();
    if (mirror(primary.http()).filter(m -> m.version().equals(version)).isEmpty()) {
      return;
    }
    for (String key : List.of("mirrorPercentage", "mirror")) {
      if (primary.http().containsKey(key)) {
        manifests.edit(vs.file()).removeKey(vs.document(), List.of("spec", "http", primary.httpIndex(), key));
      }
    }
  }

  private static Optional<IstioRoutes.Route> matchedTo(ManifestSet manifests, ManifestReader.Manifest vs,
                                                       String service, String version) {
    return IstioRoutes.routes(vs, manifests.current(vs), service).stream()
        .filter(r -> IstioRoutes.matchesHeaders(r.http()) && r.destinations().size() == 1
            && version.equals(IstioRoutes.subsetOf(r.destinations().getFirst())))
        .findFirst();
  }

  /** The one header or cookie condition of a matched route, when it is one Aviary can read. */
  @SuppressWarnings("unchecked")
  private static Optional<RequestMatch> match(Map<String, Object> http) {
    List<Object> matches = (List<Object>) http.get("match");
    if (matches.size() != 1 || !(((Map<String, Object>) matches.getFirst()).get("headers")
        instanceof Map<?, ?> headers) || headers.size() != 1) {
      return Optional.empty();
    }
    Map.Entry<?, ?> header = headers.entrySet().iterator().next();
    if (!(header.getValue() instanceof Map<?, ?> condition)) {
      return Optional.empty();
    }
    if ("cookie".equals(header.getKey()) && condition.get("regex") instanceof String regex) {
      return RequestMatch.ofCookieRegex(regex);
    }
    if (condition.get("exact") instanceof String exact) {
      try {
        return Optional.of(RequestMatch.header(String.valueOf(header.getKey()), exact));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<RouteTable.Mirror> mirror(Map<String, Object> http) {
    if (!(http.get("mirror") instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    String version = String.valueOf(Manifests.field((Map<String, Object>) http.get("mirror"), "subset").orElse(""));
    // Without mirrorPercentage Istio mirrors every request.
    double percent = Manifests.field(http, "mirrorPercentage", "value").map(v -> ((Number) v).doubleValue())
        .orElse(100.0);
    return percent < 1 ? Optional.empty() : Optional.of(new RouteTable.Mirror(version, (int) Math.round(percent)));
  }

  private static List<Object> append(List<Object> path, Object key) {
    List<Object> out = new ArrayList<>(path);
    out.add(key);
    return out;
  }
}
