package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Weights in an Istio VirtualService: the primary route ({@link IstioRoutes}) splits traffic between DestinationRule
 * subsets, one per version. Istio wants integers 0..100 that sum to 100. Matches and mirrors are
 * {@link IstioRequestRouting}'s, the preview {@link PreviewRoutes}'.
 */
public final class IstioRouter implements TrafficRouter {

  @Override
  public boolean routes(Manifests manifests, String service) {
    return IstioRoutes.primary(manifests, service).isPresent();
  }

  /** One pass over the VirtualServices: each service's primary route is the first that has its host. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Integer>> allWeights(Manifests manifests, Collection<String> services) {
    Set<String> wanted = new HashSet<>(services);
    Map<String, Map<String, Integer>> all = new HashMap<>();
    for (ManifestReader.Manifest vs : manifests.ofKind("VirtualService")) {
      for (Object http : (List<Object>) Manifests.field(vs.object(), "spec", "http").orElse(List.of())) {
        if (IstioRoutes.matchesHeaders((Map<String, Object>) http)) {
          continue;
        }
        List<Map<String, Object>> route = (List<Map<String, Object>>) Manifests.field((Map<String, Object>) http, "route")
            .orElse(List.of());
        for (Map<String, Object> destination : route) {
          String host = String.valueOf(Manifests.field(destination, "destination", "host").orElse(""));
          String service = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
          if (wanted.contains(service) && !all.containsKey(service)) {
            all.put(service, IstioRoutes.weights(route));
          }
        }
      }
    }
    return all;
  }

  @Override
  public void setWeights(ManifestSet manifests, String service, Map<String, Integer> weights) {
    IstioRoutes.Route route = currentRoute(manifests, service);
    Weights.checkPercentages(weights);
    Weights.checkAllNamed(weights(manifests, service).keySet(), weights);
    weights.keySet().forEach(version -> requireSubset(manifests, service, version));
    List<Object> routePath = List.of("spec", "http", route.httpIndex(), "route");
    for (Map.Entry<String, Integer> entry : new TreeMap<>(weights).entrySet()) {
      int index = indexOf(route.destinations(), entry.getKey());
      if (index >= 0) {
        manifests.edit(route.manifest().file()).set(route.manifest().document(),
            append(routePath, index, "weight"), entry.getValue());
      } else {
        manifests.edit(route.manifest().file()).append(route.manifest().document(), routePath,
            newDestination(route, entry.getKey(), entry.getValue()));
      }
    }
  }

  @Override
  public void addVersion(ManifestSet manifests, String service, String version, String from) {
    IstioRoutes.Route route = currentRoute(manifests, service);
    if (indexOf(route.destinations(), version) >= 0 || subsets(manifests, route.host()).contains(version)) {
      throw new InvalidChangeException("service " + service + " already routes a version '" + version + "'");
    }
    ManifestReader.Manifest rule = destinationRule(manifests, route.host());
    Map<String, Object> subset = new LinkedHashMap<>();
    subset.put("name", version);
    subset.put("labels", Map.of("version", version));
    manifests.edit(rule.file()).append(rule.document(), List.of("spec", "subsets"), subset);
    manifests.edit(route.manifest().file()).append(route.manifest().document(),
        List.of("spec", "http", route.httpIndex(), "route"), newDestination(route, version, 0));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void removeVersion(ManifestSet manifests, String service, String version) {
    stopRoutingTo(manifests, service, version);
    IstioRoutes.Route route = currentRoute(manifests, service);
    ManifestReader.Manifest vs = route.manifest();
    int index = indexOf(route.destinations(), version);
    if (index >= 0) {
      manifests.edit(vs.file()).remove(vs.document(), List.of("spec", "http", route.httpIndex(), "route", index));
    }
    ManifestReader.Manifest rule = destinationRule(manifests, route.host());
    List<Map<String, Object>> subsets = (List<Map<String, Object>>) Manifests.field(rule.object(), "spec", "subsets")
        .orElse(List.of());
    for (int i = 0; i < subsets.size(); i++) {
      if (version.equals(subsets.get(i).get("name"))) {
        manifests.edit(rule.file()).remove(rule.document(), List.of("spec", "subsets", i));
      }
    }
  }

  @Override
  public RouteTable table(Manifests manifests, String service) {
    return IstioRequestRouting.table(manifests, service);
  }

  @Override
  public void routeTo(ManifestSet manifests, String service, String version, SideRoute route) {
    requireSubset(manifests, service, version);
    switch (route) {
      case SideRoute.Matching m -> IstioRequestRouting.routeMatching(manifests, service, m.match(), version);
      case SideRoute.Mirroring m -> IstioRequestRouting.mirror(manifests, service,
          new RouteTable.Mirror(version, m.percent()));
      case SideRoute.Previewing p -> PreviewRoutes.preview(manifests, service, version,
          currentRoute(manifests, service).manifest(), IstioRequestRouting.previewRoute(manifests, service));
    }
  }

  @Override
  public void stop(ManifestSet manifests, String service, String version, SideRoute.Kind kind) {
    switch (kind) {
      case MATCHING -> IstioRequestRouting.stopRoutingMatching(manifests, service, version);
      case MIRRORING -> IstioRequestRouting.stopMirroringTo(manifests, service, version);
      case PREVIEWING -> PreviewRoutes.stopPreviewOf(manifests, service, version);
    }
  }

  private static void requireSubset(Manifests manifests, String service, String version) {
    String host = route(manifests, service).host();
    List<String> subsets = subsets(manifests, host);
    if (!subsets.contains(version)) {
      throw new InvalidChangeException("no subset '" + version + "' in the DestinationRule for host " + host
          + " (subsets: " + subsets + ")");
    }
  }

  private static ManifestReader.Manifest destinationRule(Manifests manifests, String host) {
    return manifests.ofKind("DestinationRule").stream()
        .filter(dr -> host.equals(Manifests.field(dr.object(), "spec", "host").orElse(null))).findFirst()
        .orElseThrow(() -> new InvalidChangeException("no DestinationRule for host " + host
            + " to add a version's subset to"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> subsets(Manifests manifests, String host) {
    return manifests.ofKind("DestinationRule").stream()
        .filter(dr -> host.equals(Manifests.field(dr.object(), "spec", "host").orElse(null)))
        .flatMap(dr -> ((List<Map<String, Object>>) Manifests.field(dr.object(), "spec", "subsets").orElse(List.of()))
            .stream())
        .map(s -> String.valueOf(s.get("name"))).toList();
  }

  static int indexOf(List<Map<String, Object>> destinations, String version) {
    for (int i = 0; i < destinations.size(); i++) {
      if (version.equals(Manifests.field(destinations.get(i), "destination", "subset").orElse(null))) {
        return i;
      }
    }
    return -1;
  }

  /** The primary route as this change's edits have left it: another edit may have moved it. */
  private static IstioRoutes.Route currentRoute(ManifestSet manifests, String service) {
    ManifestReader.Manifest vs = route(manifests, service).manifest();
    return IstioRoutes.primary(vs, manifests.current(vs), service).orElseThrow(() -> IstioRoutes.notRouted(service));
  }

  private static IstioRoutes.Route route(Manifests manifests, String service) {
    return IstioRoutes.primary(manifests, service).orElseThrow(() -> IstioRoutes.notRouted(service));
  }

  /** A new route entry shaped like the first one: same host and port, the new subset. */
  private static Map<String, Object> newDestination(IstioRoutes.Route route, String version, int weight) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("destination", IstioRoutes.destination(route, version));
    entry.put("weight", weight);
    return entry;
  }

  private static List<Object> append(List<Object> path, Object... more) {
    List<Object> out = new java.util.ArrayList<>(path);
    out.addAll(List.of(more));
    return out;
  }
}
