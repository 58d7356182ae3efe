package dev.aviary.console.routing;

import dev.aviary.console.gitops.VersionedCopy;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weights in a Gateway API HTTPRoute: the first rule whose backends are Services of the service splits traffic
 * between them, one Service per version (selected by its {@code version} label). Gateway API weights are relative:
 * each 0..1,000,000, and not all zero, or the route would send nothing anywhere.
 */
public final class GatewayApiRouter implements TrafficRouter {

  static final int MAX_WEIGHT = 1_000_000;

  @Override
  public boolean routes(Manifests manifests, String service) {
    return rule(manifests, service).isPresent();
  }

  @Override
  public Map<String, Integer> weights(Manifests manifests, String service) {
    Rule rule = rule(manifests, service).orElseThrow(() -> notRouted(service));
    Map<String, Integer> weights = new TreeMap<>();
    Map<String, String> versions = versionServices(manifests, service);
    for (Map<String, Object> backend : rule.backends()) {
      String version = versionOf(versions, String.valueOf(backend.get("name")));
      weights.put(version, Manifests.field(backend, "weight").map(w -> ((Number) w).intValue()).orElse(1));
    }
    return weights;
  }

  /** One pass over Services and HTTPRoutes: a rule belongs to the service all its backends select. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Integer>> allWeights(Manifests manifests, Collection<String> services) {
    Set<String> wanted = new HashSet<>(services);
    Map<String, String[]> backendOf = new HashMap<>();
    for (ManifestReader.Manifest s : manifests.ofKind("Service")) {
      Map<String, Object> selector = (Map<String, Object>) Manifests.field(s.object(), "spec", "selector")
          .orElse(Map.of());
      if (selector.get("app") != null && selector.get("version") != null) {
        backendOf.put(Manifests.name(s), new String[] {String.valueOf(selector.get("app")),
            String.valueOf(selector.get("version"))});
      }
    }
    Map<String, Map<String, Integer>> all = new HashMap<>();
    for (ManifestReader.Manifest route : manifests.ofKind("HTTPRoute")) {
      for (Object rule : (List<Object>) Manifests.field(route.object(), "spec", "rules").orElse(List.of())) {
        if (matchesHeaders((Map<String, Object>) rule)) {
          continue;
        }
        List<Map<String, Object>> backends = (List<Map<String, Object>>) Manifests.field((Map<String, Object>) rule, "backendRefs")
            .orElse(List.of());
        Set<String> apps = new HashSet<>();
        backends.forEach(b -> apps.add(backendOf.getOrDefault(String.valueOf(b.get("name")), new String[] {""})[0]));
        String app = apps.size() == 1 ? apps.iterator().next() : "";
        if (!backends.isEmpty() && wanted.contains(app) && !all.containsKey(app)) {
          Map<String, Integer> weights = new TreeMap<>();
          backends.forEach(b -> weights.put(backendOf.get(String.valueOf(b.get("name")))[1],
              Manifests.field(b, "weight").map(w -> ((Number) w).intValue()).orElse(1)));
          all.put(app, weights);
        }
      }
    }
    return all;
  }

  @Override
  public void setWeights(ManifestSet manifests, String service, Map<String, Integer> weights) {
    Rule rule = currentRule(manifests, service);
    checkRelative(weights);
    Weights.checkAllNamed(weights(manifests, service).keySet(), weights);
    Map<String, String> services = versionServices(manifests, service);
    for (String version : weights.keySet()) {
      if (!services.containsKey(version)) {
        throw new InvalidChangeException("no Service selects " + service + " version '" + version + "' for HTTPRoute "
            + Manifests.name(rule.route()) + " to send traffic to (per-version Services: "
            + new TreeMap<>(services).values() + ")");
      }
    }
    List<Object> path = List.of("spec", "rules", rule.index(), "backendRefs");
    var editor = manifests.edit(rule.route().file());
    for (Map.Entry<String, Integer> entry : new TreeMap<>(weights).entrySet()) {
      String backendService = services.get(entry.getKey());
      int index = indexOf(rule.backends(), backendService);
      if (index >= 0) {
        List<Object> weightPath = new ArrayList<>(path);
        weightPath.addAll(List.of(index, "weight"));
        editor.set(rule.route().document(), weightPath, entry.getValue());
      } else {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", backendService);
        Manifests.field(rule.backends().getFirst(), "port").ifPresent(port -> backend.put("port", port));
        backend.put("weight", entry.getValue());
        editor.append(rule.route().document(), path, backend);
      }
    }
  }

  @Override
  public void addVersion(ManifestSet manifests, String service, String version, String from) {
    Rule rule = currentRule(manifests, service);
    Map<String, String> services = versionServices(manifests, service);
    if (services.containsKey(version)) {
      throw new InvalidChangeException("service " + service + " already has a Service for version '" + version + "'");
    }
    String fromName = services.get(from);
    ManifestReader.Manifest original = manifests.find("Service", fromName == null ? "" : fromName)
        .orElseThrow(() -> new InvalidChangeException("no Service selects " + service + " version '" + from + "'"));
    String name = service + "-" + version;
    String file = ManifestSet.sibling(original.file(), "service-" + version + ".yaml");
    manifests.write(file, VersionedCopy.of(manifests, original, name, from, version).text());
    manifests.include(file);
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("name", name);
    Manifests.field(rule.backends().getFirst(), "port").ifPresent(port -> backend.put("port", port));
    backend.put("weight", 0);
    manifests.edit(rule.route().file()).append(rule.route().document(), List.of("spec", "rules", rule.index(),
        "backendRefs"), backend);
  }

  @Override
  public void removeVersion(ManifestSet manifests, String service, String version) {
    String name = versionServices(manifests, service).get(version);
    if (name == null) {
      return;
    }
    stopRoutingTo(manifests, service, version);
    Rule rule = currentRule(manifests, service);
    ManifestReader.Manifest route = rule.route();
    int index = indexOf(rule.backends(), name);
    if (index >= 0) {
      manifests.edit(route.file()).remove(route.document(), List.of("spec", "rules", rule.index(), "backendRefs",
          index));
    }
    ManifestReader.Manifest versionService = manifests.find("Service", name).orElseThrow();
    if (manifests.objectsOf(versionService.file()).size() == 1) {
      manifests.exclude(versionService.file());
      manifests.delete(versionService.file());
    }
  }

  @Override
  public void preview(ManifestSet manifests, String service, String version) {
    if (!versionServices(manifests, service).containsKey(version)) {
      throw new InvalidChangeException("no Service selects " + service + " version '" + version + "' to preview");
    }
    PreviewRoutes.preview(manifests, service, version, currentRule(manifests, service).route(),
        GatewayRequestRouting.previewRoute(manifests, service));
  }

  @Override
  public RouteTable table(Manifests manifests, String service) {
    return GatewayRequestRouting.table(manifests, service);
  }

  @Override
  public void routeMatching(ManifestSet manifests, String service, RequestMatch match, String version) {
    GatewayRequestRouting.routeMatching(manifests, service, match, version);
  }

  @Override
  public void stopRoutingMatching(ManifestSet manifests, String service, String version) {
    GatewayRequestRouting.stopRoutingMatching(manifests, service, version);
  }

  @Override
  public void mirror(ManifestSet manifests, String service, String version, int percent) {
    GatewayRequestRouting.mirror(manifests, service, new RouteTable.Mirror(version, percent));
  }

  @Override
  public void stopMirroring(ManifestSet manifests, String service) {
    GatewayRequestRouting.stopMirroring(manifests, service);
  }

  private static void checkRelative(Map<String, Integer> weights) {
    if (weights.isEmpty()) {
      throw new InvalidChangeException("no weights given");
    }
    weights.forEach((version, weight) -> {
      if (weight == null || weight < 0 || weight > MAX_WEIGHT) {
        throw new InvalidChangeException("weight for " + version + " must be between 0 and " + MAX_WEIGHT + ", got "
            + weight);
      }
    });
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new InvalidChangeException("weights must not all be zero: the route would send traffic nowhere");
    }
  }

  /** A rule of an HTTPRoute: where it is, its backends, and the rule itself. */
  record Rule(ManifestReader.Manifest route, int index, List<Map<String, Object>> backends, Map<String, Object> rule) {
  }

  /** The service's primary rule: the first whose backends are all the service's version Services and no header match. */
  static Optional<Rule> rule(Manifests manifests, String service) {
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

  /** The primary rule as this change's edits have left it: another edit may have moved it. */
  static Rule currentRule(ManifestSet manifests, String service) {
    ManifestReader.Manifest route = rule(manifests, service).orElseThrow(() -> notRouted(service)).route();
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

  static InvalidChangeException notRouted(String service) {
    return new InvalidChangeException("no HTTPRoute routes to service '" + service + "'");
  }
}
