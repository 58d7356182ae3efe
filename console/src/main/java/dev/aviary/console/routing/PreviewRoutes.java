package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.gitops.Manifests;
import dev.aviary.console.gitops.YamlEditor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A blue-green release's preview: a Service {@code <service>-preview} selecting only the previewed version's pods,
 * and a route of the router's kind with the same name sending to it, together in a file {@code preview.yaml} beside
 * the service's route. Users never reach it through the primary route; testers and smoke tests do, by its name.
 * Moving the preview to another version edits only the Service's selector.
 */
public final class PreviewRoutes {

  static final String SUFFIX = "-preview";
  static final String FILE = "preview.yaml";

  private PreviewRoutes() {
  }

  /** The preview Service's name, and its route's: what testers and smoke tests send to. */
  public static String name(String service) {
    return service + SUFFIX;
  }

  /** Whether {@code serviceName} is the preview Service of {@code service}, which no weight may name. */
  static boolean isPreview(String serviceName, String service) {
    return name(service).equals(serviceName);
  }

  /** The version the preview Service selects, when a route of {@code routeKind} sends to it. */
  static Optional<String> version(Manifests manifests, String service, String routeKind) {
    if (manifests.find(routeKind, name(service)).isEmpty()) {
      return Optional.empty();
    }
    return manifests.find("Service", name(service))
        .flatMap(s -> Manifests.field(s.object(), "spec", "selector", "version")).map(String::valueOf);
  }

  /**
   * Points the preview at {@code version}: edits the preview Service's selector when there is one, else writes the
   * Service (the service's ports, its {@code app} and {@code version} as the selector) and {@code route} beside
   * {@code primary}, the service's route.
   */
  static void preview(ManifestSet manifests, String service, String version, ManifestReader.Manifest primary,
                      Map<String, Object> route) {
    Optional<ManifestReader.Manifest> existing = manifests.find("Service", name(service));
    if (existing.isPresent()) {
      manifests.edit(existing.get().file()).set(existing.get().document(), List.of("spec", "selector", "version"),
          version);
      return;
    }
    String file = ManifestSet.sibling(primary.file(), FILE);
    if (manifests.read(file).isPresent()) {
      throw new InvalidChangeException(file + " exists but holds no Service " + name(service)
          + "; move it away so Aviary can write the preview there");
    }
    manifests.write(file, "# Written by Aviary for a blue-green release: " + name(service) + " answers with the "
        + "version being previewed,\n# never with users' traffic. Removed when the release switches back or ends.\n"
        + YamlEditor.documents(List.of(service(manifests, service, version, primary), route)));
    manifests.include(file);
  }

  /** Removes the preview Service and its route if the preview answers with {@code version}; else nothing. */
  static void stopPreviewOf(ManifestSet manifests, String service, String version) {
    manifests.find("Service", name(service))
        .filter(s -> version.equals(Manifests.field(s.object(), "spec", "selector", "version").orElse(null)))
        .ifPresent(preview -> {
          manifests.exclude(preview.file());
          manifests.delete(preview.file());
        });
  }

  /** The metadata of a preview object: its name, the route's namespace and labels. */
  static Map<String, Object> metadata(String service, ManifestReader.Manifest primary) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name(service));
    Manifests.field(primary.object(), "metadata", "namespace").ifPresent(ns -> metadata.put("namespace", ns));
    Manifests.field(primary.object(), "metadata", "labels").ifPresent(labels -> metadata.put("labels", labels));
    return metadata;
  }

  /** The first port of the preview Service: what its route sends to. */
  static Object port(Manifests manifests, String service) {
    return ports(manifests, service).stream().findFirst().map(p -> p.get("port")).orElse(80);
  }

  private static Map<String, Object> service(Manifests manifests, String service, String version,
                                             ManifestReader.Manifest primary) {
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("app", service);
    selector.put("version", version);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "ClusterIP");
    spec.put("selector", selector);
    spec.put("ports", ports(manifests, service));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "v1");
    object.put("kind", "Service");
    object.put("metadata", metadata(service, primary));
    object.put("spec", spec);
    return object;
  }

  /**
   * The service's own Service's ports (names, ports and target ports), or those of another Service selecting its
   * pods (one per version, as the Gateway API router has them).
   */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ports(Manifests manifests, String service) {
    Optional<ManifestReader.Manifest> own = manifests.find("Service", service)
        .or(() -> manifests.ofKind("Service").stream().filter(s -> !isPreview(Manifests.name(s), service)
            && service.equals(Manifests.field(s.object(), "spec", "selector", "app").orElse(null))).findFirst());
    List<Map<String, Object>> ports = new ArrayList<>();
    own.flatMap(s -> Manifests.field(s.object(), "spec", "ports")).ifPresent(list -> ((List<Object>) list)
        .forEach(p -> {
          Map<String, Object> port = new LinkedHashMap<>();
          for (String key : List.of("name", "port", "targetPort", "protocol")) {
            Manifests.field((Map<String, Object>) p, key).ifPresent(v -> port.put(key, v));
          }
          ports.add(port);
        }));
    if (ports.isEmpty()) {
      throw new InvalidChangeException("no Service " + service + " (nor one per version) to take the preview "
          + "Service's ports from");
    }
    return ports;
  }
}
