package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes by request and mirrors in a Gateway API HTTPRoute. A matched route is a rule of its own after the primary
 * one, with the primary's path and a header condition ({@code Exact}, or {@code RegularExpression} on the
 * {@code cookie} header), sending to the version's Service: the Gateway API prefers the rule with more header
 * matches, so order does not matter. A mirror is a {@code RequestMirror} filter on the primary rule with a
 * {@code percent} (Gateway API 1.3).
 */
final class GatewayRequestRouting {

  static final String MIRROR = "RequestMirror";
  /** What a request carries to reach a service's preview through the gateway. */
  static final String PREVIEW_HEADER = "x-aviary-preview";

  private GatewayRequestRouting() {
  }

  static RouteTable table(Manifests manifests, String service) {
    GatewayRoutes.Rule primary = GatewayRoutes.primaryOrFail(manifests, service);
    Map<String, String> versions = GatewayRoutes.versionServices(manifests, service);
    List<RouteTable.MatchedRoute> matched = new ArrayList<>();
    for (GatewayRoutes.Rule rule : GatewayRoutes.rules(primary.route(), primary.route().object(), versions)) {
      if (GatewayRoutes.matchesHeaders(rule.rule()) && rule.backends().size() == 1) {
        match(rule.rule()).ifPresent(m -> matched.add(new RouteTable.MatchedRoute(m,
            GatewayRoutes.versionOf(versions, String.valueOf(rule.backends().getFirst().get("name"))))));
      }
    }
    return new RouteTable(matched, GatewayRoutes.weights(primary.backends(), versions),
        mirror(primary.rule(), versions), PreviewRoutes.version(manifests, service, "HTTPRoute"));
  }

  /** Sends matching requests to the version Service {@code backend}, replacing any matched rule to it. */
  static void routeMatching(ManifestSet manifests, String service, RequestMatch match, String backend) {
    stopRoutingMatching(manifests, service, backend);
    GatewayRoutes.Rule primary = GatewayRoutes.primaryOrFail(manifests, service);
    Map<String, Object> condition = new LinkedHashMap<>();
    if (match.kind() == RequestMatch.Kind.COOKIE) {
      condition.put("type", "RegularExpression");
    }
    condition.put("name", match.kind() == RequestMatch.Kind.HEADER ? match.name() : "cookie");
    condition.put("value", match.kind() == RequestMatch.Kind.HEADER ? match.value() : match.cookieRegex());
    manifests.edit(primary.route().file()).append(primary.route().document(), List.of("spec", "rules"),
        headerRule(primary, condition, GatewayRoutes.backendRef(primary, backend)));
  }

  /** A rule like the primary one (its path, its timeouts) for requests with {@code condition}, to {@code backend}. */
  private static Map<String, Object> headerRule(GatewayRoutes.Rule primary, Map<String, Object> condition,
                                                Map<String, Object> backend) {
    Map<String, Object> matches = new LinkedHashMap<>();
    Manifests.field(primary.rule(), "matches", 0, "path").ifPresent(path -> matches.put("path", path));
    matches.put("headers", List.of(condition));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("matches", List.of(matches));
    rule.put("backendRefs", List.of(backend));
    if (primary.rule().get("timeouts") != null) {
      rule.put("timeouts", primary.rule().get("timeouts"));
    }
    return rule;
  }

  /**
   * The preview's HTTPRoute: on the primary route's gateways and host names, requests carrying
   * {@value #PREVIEW_HEADER}{@code : true} go to the preview Service. A gateway has no host name of its own for a
   * preview, and the header rule is more specific than any rule without one, so it wins over the primary route.
   */
  static Map<String, Object> previewRoute(Manifests manifests, String service) {
    GatewayRoutes.Rule primary = GatewayRoutes.primaryOrFail(manifests, service);
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("name", PreviewRoutes.name(service));
    backend.put("port", PreviewRoutes.port(manifests, service));
    Map<String, Object> spec = new LinkedHashMap<>();
    Manifests.field(primary.route().object(), "spec", "parentRefs").ifPresent(p -> spec.put("parentRefs", p));
    Manifests.field(primary.route().object(), "spec", "hostnames").ifPresent(h -> spec.put("hostnames", h));
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("name", PREVIEW_HEADER);
    condition.put("value", "true");
    spec.put("rules", List.of(headerRule(primary, condition, backend)));
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("apiVersion", primary.route().object().get("apiVersion"));
    route.put("kind", "HTTPRoute");
    route.put("metadata", PreviewRoutes.metadata(service, primary.route()));
    route.put("spec", spec);
    return route;
  }

  /** Removes every matched rule that sends to the version Service {@code backend}; nothing when there is none. */
  static void stopRoutingMatching(ManifestSet manifests, String service, String backend) {
    ManifestReader.Manifest route = GatewayRoutes.primaryOrFail(manifests, service).route();
    for (Optional<GatewayRoutes.Rule> rule = matchedTo(manifests, route, service, backend); rule.isPresent();
         rule = matchedTo(manifests, route, service, backend)) {
      manifests.edit(route.file()).remove(route.document(), List.of("spec", "rules", rule.get().index()));
    }
  }

  /** Mirrors {@code mirror}'s share to the version Service {@code backend}, replacing any mirror the rule had. */
  static void mirror(ManifestSet manifests, String service, String backend, RouteTable.Mirror mirror) {
    GatewayRoutes.Rule primary = GatewayRoutes.currentPrimary(manifests, service);
    Map<String, Object> requestMirror = new LinkedHashMap<>();
    requestMirror.put("backendRef", GatewayRoutes.backendRef(primary, backend));
    requestMirror.put("percent", mirror.percent());
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("type", MIRROR);
    filter.put("requestMirror", requestMirror);
    List<Object> path = List.of("spec", "rules", primary.index(), "filters");
    var editor = manifests.edit(primary.route().file());
    int existing = mirrorIndex(primary.rule());
    if (existing >= 0) {
      editor.set(primary.route().document(), List.of("spec", "rules", primary.index(), "filters", existing,
          "requestMirror"), requestMirror);
    } else if (primary.rule().get("filters") instanceof List<?> filters && !filters.isEmpty()) {
      editor.append(primary.route().document(), path, filter);
    } else {
      editor.set(primary.route().document(), path, List.of(filter));
    }
  }

  /** Stops the mirror if it copies to the version Service {@code backend}; a mirror to another stays. */
  @SuppressWarnings("unchecked")
  static void stopMirroringTo(ManifestSet manifests, String service, String backend) {
    GatewayRoutes.Rule primary = GatewayRoutes.currentPrimary(manifests, service);
    int existing = mirrorIndex(primary.rule());
    if (existing < 0 || !backend.equals(Manifests.field((Map<String, Object>) ((List<Object>) primary.rule()
        .get("filters")).get(existing), "requestMirror", "backendRef", "name").orElse(null))) {
      return;
    }
    var editor = manifests.edit(primary.route().file());
    if (((List<?>) primary.rule().get("filters")).size() == 1) {
      editor.removeKey(primary.route().document(), List.of("spec", "rules", primary.index(), "filters"));
    } else {
      editor.remove(primary.route().document(), List.of("spec", "rules", primary.index(), "filters", existing));
    }
  }

  private static Optional<GatewayRoutes.Rule> matchedTo(ManifestSet manifests, ManifestReader.Manifest route,
                                                           String service, String backend) {
    return GatewayRoutes.rules(route, manifests.current(route), GatewayRoutes.versionServices(manifests,
            service)).stream()
        .filter(r -> GatewayRoutes.matchesHeaders(r.rule()) && r.backends().size() == 1
            && String.valueOf(r.backends().getFirst().get("name")).equals(backend))
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  private static int mirrorIndex(Map<String, Object> rule) {
    List<Object> filters = (List<Object>) rule.getOrDefault("filters", List.of());
    for (int i = 0; i < filters.size(); i++) {
      if (filters.get(i) instanceof Map<?, ?> f && MIRROR.equals(f.get("type"))) {
        return i;
      }
    }
    return -1;
  }

  /** The one header condition of a matched rule, when it is one Aviary can read. */
  @SuppressWarnings("unchecked")
  private static Optional<RequestMatch> match(Map<String, Object> rule) {
    List<Object> matches = (List<Object>) rule.get("matches");
    if (matches.size() != 1 || !(((Map<String, Object>) matches.getFirst()).get("headers") instanceof List<?> headers)
        || headers.size() != 1 || !(headers.getFirst() instanceof Map<?, ?> header)) {
      return Optional.empty();
    }
    String type = String.valueOf(header.get("type") == null ? "Exact" : header.get("type"));
    String name = String.valueOf(header.get("name"));
    String value = String.valueOf(header.get("value"));
    if (type.equals("RegularExpression") && name.equalsIgnoreCase("cookie")) {
      return RequestMatch.ofCookieRegex(value);
    }
    try {
      return type.equals("Exact") ? Optional.of(RequestMatch.header(name, value)) : Optional.empty();
    } catch (InvalidChangeException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<RouteTable.Mirror> mirror(Map<String, Object> rule, Map<String, String> versions) {
    int index = mirrorIndex(rule);
    if (index < 0) {
      return Optional.empty();
    }
    Map<String, Object> filter = (Map<String, Object>) ((List<Object>) rule.get("filters")).get(index);
    String version = GatewayRoutes.versionOf(versions, String.valueOf(Manifests.field(filter, "requestMirror",
        "backendRef", "name").orElse("")));
    // Without percent or fraction the Gateway API mirrors every request.
    int percent = Manifests.field(filter, "requestMirror", "percent").map(p -> ((Number) p).intValue()).orElse(100);
    return percent < 1 ? Optional.empty() : Optional.of(new RouteTable.Mirror(version, percent));
  }
}
