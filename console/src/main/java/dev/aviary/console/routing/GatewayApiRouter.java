package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;
import dev.aviary.console.gitops.VersionedCopy;
import dev.aviary.console.routing.GatewayRoutes.Rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weights in a Gateway API HTTPRoute: the primary rule ({@link GatewayRoutes}) splits traffic between the service's
 * version Services. Gateway API weights are relative: each 0..1,000,000, and not all zero, or the route would send
 * nothing anywhere. Matches and mirrors are {@link GatewayRequestRouting}'s, the preview {@link PreviewRoutes}'.
 */
public final class GatewayApiRouter implements TrafficRouter {

  static final int MAX_WEIGHT = 1_000_000;

  @Override
  public boolean routes(Manifests manifests, String service) {
    return GatewayRoutes.primary(manifests, service).isPresent();
  }

  @Override
  public RouteTable table(Manifests manifests, String service) {
    return GatewayRequestRouting.table(manifests, service);
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
        if (GatewayRoutes.matchesHeaders((Map<String, Object>) rule)) {
          continue;
        }
        List<Map<String, Object>> backends = (List<Map<String, Object>>) Manifests.field((Map<String, Object>) rule,
            "backendRefs").orElse(List.of());
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
    Rule rule = GatewayRoutes.currentPrimary(manifests, service);
    checkRelative(weights);
    Weights.checkAllNamed(weights(manifests, service).keySet(), weights);
    Map<String, String> backends = new TreeMap<>();
    weights.keySet().forEach(version -> backends.put(version, GatewayRoutes.versionService(manifests, service,
        version)));
    List<Object> path = List.of("spec", "rules", rule.index(), "backendRefs");
    var editor = manifests.edit(rule.route().file());
    for (Map.Entry<String, Integer> entry : new TreeMap<>(weights).entrySet()) {
      String backendService = backends.get(entry.getKey());
      int index = GatewayRoutes.indexOf(rule.backends(), backendService);
      if (index >= 0) {
        List<Object> weightPath = new ArrayList<>(path);
        weightPath.addAll(List.of(index, "weight"));
        editor.set(rule.route().document(), weightPath, entry.getValue());
      } else {
        Map<String, Object> backend = GatewayRoutes.backendRef(rule, backendService);
        backend.put("weight", entry.getValue());
        editor.append(rule.route().document(), path, backend);
      }
    }
  }

  @Override
  public void addVersion(ManifestSet manifests, String service, String version, String from) {
    Rule rule = GatewayRoutes.currentPrimary(manifests, service);
    Map<String, String> services = GatewayRoutes.versionServices(manifests, service);
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
    Map<String, Object> backend = GatewayRoutes.backendRef(rule, name);
    backend.put("weight", 0);
    manifests.edit(rule.route().file()).append(rule.route().document(), List.of("spec", "rules", rule.index(),
        "backendRefs"), backend);
  }

  @Override
  public void removeVersion(ManifestSet manifests, String service, String version) {
    String name = GatewayRoutes.versionServices(manifests, service).get(version);
    if (name == null) {
      return;
    }
    stopRoutingTo(manifests, service, version);
    Rule rule = GatewayRoutes.currentPrimary(manifests, service);
    ManifestReader.Manifest route = rule.route();
    int index = GatewayRoutes.indexOf(rule.backends(), name);
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
  public void routeTo(ManifestSet manifests, String service, String version, SideRoute route) {
    String backend = GatewayRoutes.versionService(manifests, service, version);
    switch (route) {
      case SideRoute.Matching m -> GatewayRequestRouting.routeMatching(manifests, service, m.match(), backend);
      case SideRoute.Mirroring m -> GatewayRequestRouting.mirror(manifests, service, backend,
          new RouteTable.Mirror(version, m.percent()));
      case SideRoute.Previewing p -> PreviewRoutes.preview(manifests, service, version,
          GatewayRoutes.currentPrimary(manifests, service).route(), GatewayRequestRouting.previewRoute(manifests,
              service));
    }
  }

  @Override
  public void stop(ManifestSet manifests, String service, String version, SideRoute.Kind kind) {
    String backend = GatewayRoutes.versionServices(manifests, service).get(version);
    switch (kind) {
      case MATCHING -> {
        if (backend != null) {
          GatewayRequestRouting.stopRoutingMatching(manifests, service, backend);
        }
      }
      case MIRRORING -> {
        if (backend != null) {
          GatewayRequestRouting.stopMirroringTo(manifests, service, backend);
        }
      }
      case PREVIEWING -> PreviewRoutes.stopPreviewOf(manifests, service, version);
    }
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
}
