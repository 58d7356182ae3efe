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
import java.util.TreeMap;

/**
 * Finding a service's routes in Gateway API HTTPRoutes, as {@link IstioRoutes} does for Istio. Each version has a
 * Service of its own (selected by its {@code version} label); the primary rule is the first whose backends are all
 * the service's version Services and that matches on no header: it splits traffic by weight. Rules that match a header
 * and send to one version are the ones a release adds ({@link RequestMatch}).
 */
final class GatewayRoutes {

  /** A rule of an HTTPRoute: where it is, its backends, and the rule itself. */
  record Rule(ManifestReader.Manifest route, int index, List<Map<String, Object>> backends, Map<String, Object> rule) {
  }

  private GatewayRoutes() {
  }

  static Optional<Rule> primary(Manifests manifests, String service) {
    Map<String, String> versions = versionServices(manifests, service);
    for (ManifestReader.Manifest route : manifests.ofKind("HTTPRoute")) {
      Optional<Rule> rule = rules(route, route.object(), versions).stream().filter(r -> !matchesHeaders(r.rule()))
          .findFirst();
      if (rule.isPresent()) {
        return rule;
      }
    }
    return Optional.empty();
  }

  static Rule primaryOrFail(Manifests manifests, String service) {
    return primary(manifests, service).orElseThrow(() -> notRouted(service));
  }

  /** The primary rule as this change's edits have left it: another edit may have moved it. */
  static Rule currentPrimary(ManifestSet manifests, String service) {
    ManifestReader.Manifest route = primaryOrFail(manifests, service).route();
    return rules(route, manifests.current(route), versionServices(manifests, service)).stream()
        .filter(r -> !matchesHeaders(r.rule())).findFirst().orElseThrow(() -> notRouted(service));
  }

  /** The rules of one HTTPRoute's {@code object} (its content now) that send only to the service's versions. */
  @SuppressWarnings("unchecked")
  static List<Rule> rules(ManifestReader.Manifest route, Map<String, Object> object, Map<String, String> versions) {
    List<Object> rules = (List<Object>) Manifests.field(object, "spec", "rules").orElse(List.of());
    List<Rule> found = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      List<Map<String, Object>> backends = (List<Map<String, Object>>) Manifests.field(object, "spec", "rules", i,
          "backendRefs").orElse(List.of());
      if (!backends.isEmpty() && backends.stream().allMatch(b -> versions.containsValue(String.valueOf(b.get("name"))))) {
        found.add(new Rule(route, i, backends, (Map<String, Object>) rules.get(i)));
      }
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  static boolean matchesHeaders(Map<String, Object> rule) {
    return ((List<Object>) rule.getOrDefault("matches", List.of())).stream()
        .anyMatch(m -> m instanceof Map<?, ?> match && match.get("headers") != null);
  }

  /**
   * Version to the name of the Service that selects only that version of the service; the preview Service, which
   * follows whichever version is previewed, is none of them.
   */
  @SuppressWarnings("unchecked")
  static Map<String, String> versionServices(Manifests manifests, String service) {
    Map<String, String> byVersion = new TreeMap<>();
    for (ManifestReader.Manifest s : manifests.ofKind("Service")) {
      Map<String, Object> selector = (Map<String, Object>) Manifests.field(s.object(), "spec", "selector")
          .orElse(Map.of());
      if (service.equals(selector.get("app")) && selector.get("version") != null
          && !PreviewRoutes.isPreview(Manifests.name(s), service)) {
        byVersion.put(String.valueOf(selector.get("version")), Manifests.name(s));
      }
    }
    return byVersion;
  }

  /** The Service that selects {@code version} of the service, or a refusal naming the Services there are. */
  static String versionService(Manifests manifests, String service, String version) {
    Map<String, String> versions = versionServices(manifests, service);
    String backend = versions.get(version);
    if (backend == null) {
      throw new InvalidChangeException("no Service selects " + service + " version '" + version
          + "' to route to (per-version Services: " + versions.values() + ")");
    }
    return backend;
  }

  /** The relative weights of a rule's backends by version; a backend without a weight has 1. */
  static Map<String, Integer> weights(List<Map<String, Object>> backends, Map<String, String> versions) {
    Map<String, Integer> weights = new TreeMap<>();
    backends.forEach(b -> weights.put(versionOf(versions, String.valueOf(b.get("name"))),
        Manifests.field(b, "weight").map(w -> ((Number) w).intValue()).orElse(1)));
    return weights;
  }

  static String versionOf(Map<String, String> versions, String serviceName) {
    return versions.entrySet().stream().filter(e -> e.getValue().equals(serviceName)).map(Map.Entry::getKey)
        .findFirst().orElse(serviceName);
  }

  static int indexOf(List<Map<String, Object>> backends, String serviceName) {
    for (int i = 0; i < backends.size(); i++) {
      if (serviceName.equals(String.valueOf(backends.get(i).get("name")))) {
        return i;
      }
    }
    return -1;
  }

  /** A reference to {@code backend} on the primary rule's port. */
  static Map<String, Object> backendRef(Rule primary, String backend) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("name", backend);
    Manifests.field(primary.backends().getFirst(), "port").ifPresent(port -> ref.put("port", port));
    return ref;
  }

  static InvalidChangeException notRouted(String service) {
    return new InvalidChangeException("no HTTPRoute routes to service '" + service + "'");
  }
}
