package dev.aviary.console.release;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.VersionedCopy;
import dev.aviary.console.gitops.YamlEditor;
import dev.aviary.console.routing.RequestMatch;
import dev.aviary.console.routing.SideRoute;
import dev.aviary.console.routing.TrafficRouter;
import dev.aviary.console.routing.Weights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The edits a release makes to a service's manifests: the canary Deployment next to the stable one, the canary's
 * share of traffic, scaling it to zero, the stable taking its template, and removing it. Each reads only the
 * manifests it is given and makes the same edits for the same manifests.
 */
final class CanaryManifests {

  private final List<TrafficRouter> routers;

  CanaryManifests(List<TrafficRouter> routers) {
    this.routers = routers;
  }

  TrafficRouter router(ManifestSet manifests, String service) {
    return TrafficRouter.routing(routers, manifests, service).orElseThrow(() -> new InvalidChangeException(
        "no route for service '" + service + "' in the manifests (neither an Istio VirtualService nor a Gateway API "
            + "HTTPRoute): a release needs one to move traffic"));
  }

  /** The stable version by Git's weights ({@link Weights#stable}): what a new release replaces. */
  String stableVersion(ManifestSet manifests, String service) {
    Map<String, Integer> weights = router(manifests, service).weights(manifests, service);
    return Weights.stable(weights.keySet(), weights).orElseThrow(() -> new InvalidChangeException(
        "service " + service + " routes no traffic to any version"));
  }

  /** Adds the canary Deployment (the stable's, with the new image and version) and routes it at weight 0. */
  void addCanary(ManifestSet manifests, ReleaseSpec spec) {
    ManifestReader.Manifest stable = manifests.deployment(spec.service(), spec.stableVersion());
    if (manifests.find("Deployment", spec.canaryDeployment()).isPresent()) {
      throw new InvalidChangeException("a Deployment " + spec.canaryDeployment() + " already exists; pick another "
          + "version name");
    }
    YamlEditor canary = VersionedCopy.of(manifests, stable, spec.canaryDeployment(), spec.stableVersion(),
        spec.canaryVersion());
    List<Map<String, Object>> containers = containers(stable);
    for (int i = 0; i < containers.size(); i++) {
      canary.set(0, List.of("spec", "template", "spec", "containers", i, "image"), i == 0 ? spec.image()
          : containers.get(i).get("image"));
    }
    canary.set(0, List.of("spec", "replicas"), replicasOf(manifests, stable));
    String file = ManifestSet.sibling(stable.file(), "deployment-" + spec.canaryVersion() + ".yaml");
    manifests.write(file, canary.text());
    manifests.include(file);
    router(manifests, spec.service()).addVersion(manifests, spec.service(), spec.canaryVersion(),
        spec.stableVersion());
  }

  /** As many canary pods as the stable runs at least: its autoscaler's minimum, or its replicas. */
  private static int replicasOf(ManifestSet manifests, ManifestReader.Manifest stable) {
    String name = ManifestSet.name(stable);
    return manifests.ofKind("HorizontalPodAutoscaler").stream()
        .filter(h -> name.equals(ManifestSet.field(h.object(), "spec", "scaleTargetRef", "name").orElse(null)))
        .map(h -> ManifestSet.field(h.object(), "spec", "minReplicas").map(n -> ((Number) n).intValue()).orElse(1))
        .findFirst()
        .orElseGet(() -> ManifestSet.field(stable.object(), "spec", "replicas").map(n -> ((Number) n).intValue())
            .orElse(1));
  }

  /** {@code weight}% to the canary, the rest to stable, nothing to any other version the route names. */
  void setCanaryWeight(ManifestSet manifests, ReleaseSpec spec, int weight) {
    TrafficRouter router = router(manifests, spec.service());
    Map<String, Integer> weights = new HashMap<>();
    router.weights(manifests, spec.service()).keySet().forEach(v -> weights.put(v, 0));
    weights.put(spec.stableVersion(), 100 - weight);
    weights.put(spec.canaryVersion(), weight);
    router.setWeights(manifests, spec.service(), weights);
  }

  /** Requests matching {@code match} go to the canary ahead of the weights. */
  void routeMatching(ManifestSet manifests, ReleaseSpec spec, RequestMatch match) {
    router(manifests, spec.service()).routeTo(manifests, spec.service(), spec.canaryVersion(),
        new SideRoute.Matching(match));
  }

  /** {@code percent} of the traffic mirrored to the canary; 0 stops a mirror to it (and only to it). */
  void mirror(ManifestSet manifests, ReleaseSpec spec, int percent) {
    TrafficRouter router = router(manifests, spec.service());
    if (percent > 0) {
      router.routeTo(manifests, spec.service(), spec.canaryVersion(), new SideRoute.Mirroring(percent));
    } else {
      router.stop(manifests, spec.service(), spec.canaryVersion(), SideRoute.Kind.MIRRORING);
    }
  }

  /** The service's preview Service and route answer with the canary (blue-green's green). */
  void preview(ManifestSet manifests, ReleaseSpec spec) {
    router(manifests, spec.service()).routeTo(manifests, spec.service(), spec.canaryVersion(),
        new SideRoute.Previewing());
  }

  /** Every request to stable: the weights, and no request route, mirror or preview to the canary any more. */
  void allToStable(ManifestSet manifests, ReleaseSpec spec) {
    setCanaryWeight(manifests, spec, 0);
    router(manifests, spec.service()).stopRoutingTo(manifests, spec.service(), spec.canaryVersion());
  }

  void scaleCanaryToZero(ManifestSet manifests, ReleaseSpec spec) {
    manifests.find("Deployment", spec.canaryDeployment()).ifPresent(canary ->
        manifests.edit(canary.file()).set(canary.document(), List.of("spec", "replicas"), 0));
  }

  /**
   * The stable Deployment runs what the canary ran, keeping its own name, labels and selector (a selector cannot
   * change). When only images differ, only images are edited, so the commit's diff shows just that.
   */
  void adoptCanaryTemplate(ManifestSet manifests, ReleaseSpec spec) {
    ManifestReader.Manifest stable = manifests.deployment(spec.service(), spec.stableVersion());
    ManifestReader.Manifest canary = manifests.find("Deployment", spec.canaryDeployment())
        .orElseThrow(() -> new InvalidChangeException("the canary Deployment " + spec.canaryDeployment()
            + " is gone; nothing to promote"));
    YamlEditor editor = manifests.edit(stable.file());
    List<Map<String, Object>> stableContainers = containers(stable);
    List<Map<String, Object>> canaryContainers = containers(canary);
    if (onlyImagesDiffer(stable, canary, spec)) {
      for (int i = 0; i < canaryContainers.size(); i++) {
        if (!Objects.equals(stableContainers.get(i).get("image"), canaryContainers.get(i).get("image"))) {
          editor.set(stable.document(), List.of("spec", "template", "spec", "containers", i, "image"),
              canaryContainers.get(i).get("image"));
        }
      }
      return;
    }
    Object podSpec = ManifestSet.field(canary.object(), "spec", "template", "spec").orElseThrow();
    editor.set(stable.document(), List.of("spec", "template", "spec"), retag(podSpec, spec.canaryVersion(),
        spec.stableVersion()));
  }

  private static boolean onlyImagesDiffer(ManifestReader.Manifest stable, ManifestReader.Manifest canary,
                                          ReleaseSpec spec) {
    Object stablePod = withoutImages(ManifestSet.field(stable.object(), "spec", "template", "spec").orElseThrow());
    Object canaryPod = withoutImages(retag(ManifestSet.field(canary.object(), "spec", "template", "spec")
        .orElseThrow(), spec.canaryVersion(), spec.stableVersion()));
    return stablePod.equals(canaryPod) && containers(stable).size() == containers(canary).size();
  }

  /** A deep copy with the version fields of {@code from} saying {@code to}. */
  private static Object retag(Object node, String from, String to) {
    Object copy = deepCopy(node);
    for (List<Object> path : VersionedCopy.versionPaths(copy, new ArrayList<>(), from)) {
      setAt(copy, path, to);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void setAt(Object root, List<Object> path, Object value) {
    Object node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      node = node instanceof Map<?, ?> m ? m.get(path.get(i)) : ((List<?>) node).get((Integer) path.get(i));
    }
    if (node instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m).put(path.getLast(), value);
    } else {
      ((List<Object>) node).set((Integer) path.getLast(), value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object withoutImages(Object podSpec) {
    Object copy = deepCopy(podSpec);
    for (Object c : (List<Object>) ((Map<String, Object>) copy).getOrDefault("containers", List.of())) {
      ((Map<String, Object>) c).remove("image");
    }
    return copy;
  }

  private static Object deepCopy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, deepCopy(v)));
      return copy;
    }
    if (node instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(CanaryManifests::deepCopy).toList());
    }
    return node;
  }

  /** Takes the canary out of the route, the manifests and the cluster. */
  void removeCanary(ManifestSet manifests, ReleaseSpec spec) {
    router(manifests, spec.service()).removeVersion(manifests, spec.service(), spec.canaryVersion());
    manifests.find("Deployment", spec.canaryDeployment()).ifPresent(canary -> {
      manifests.exclude(canary.file());
      manifests.delete(canary.file());
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(ManifestReader.Manifest deployment) {
    return (List<Map<String, Object>>) ManifestSet.field(deployment.object(), "spec", "template", "spec", "containers")
        .orElseThrow(() -> new InvalidChangeException(ManifestSet.name(deployment) + " has no containers"));
  }
}
