package dev.aviary.console.gitops;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects to look up by kind, name, service and version, read only: the cluster's live objects as they are, or (as
 * the {@link ManifestSet} an intent edits) the manifests at Git's head. Routers and releases read both with the same
 * code.
 */
public class Manifests {

  private static final String LIVE = "(live cluster object)";

  private final List<ManifestReader.Manifest> manifests;

  Manifests(List<ManifestReader.Manifest> manifests) {
    this.manifests = List.copyOf(manifests);
  }

  /** Live objects read from the cluster. */
  public static Manifests live(List<Map<String, Object>> objects) {
    return new Manifests(objects.stream().map(o -> new ManifestReader.Manifest(LIVE, 0, o)).toList());
  }

  public List<ManifestReader.Manifest> all() {
    return manifests;
  }

  public List<ManifestReader.Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> kind.equals(m.object().get("kind"))).toList();
  }

  public Optional<ManifestReader.Manifest> find(String kind, String name) {
    return ofKind(kind).stream().filter(m -> name.equals(name(m))).findFirst();
  }

  /**
   * The Deployment of one version of a service, found by its {@code app} and {@code version} labels.
   *
   * @throws InvalidChangeException naming the services or versions there are, when there is no such one
   */
  public ManifestReader.Manifest deployment(String service, String version) {
    List<ManifestReader.Manifest> ofService = deploymentsOf(service);
    return ofService.stream().filter(d -> version.equals(label(d, "version"))).findFirst()
        .orElseThrow(() -> new InvalidChangeException("service " + service + " has no version '" + version
            + "' (versions: " + ofService.stream().map(d -> label(d, "version")).sorted().toList() + ")"));
  }

  /**
   * The Deployments of a service, one per version.
   *
   * @throws InvalidChangeException naming the services there are, when the service is unknown
   */
  public List<ManifestReader.Manifest> deploymentsOf(String service) {
    List<ManifestReader.Manifest> ofService = ofKind("Deployment").stream()
        .filter(d -> service.equals(label(d, "app"))).toList();
    if (ofService.isEmpty()) {
      List<String> statefulSets = ofKind("StatefulSet").stream().filter(s -> service.equals(label(s, "app")))
          .map(Manifests::name).toList();
      if (!statefulSets.isEmpty()) {
        throw new InvalidChangeException("service " + service + " runs as StatefulSet " + String.join(", ", statefulSets)
            + ", not a Deployment: versions, traffic and canary releases are for Deployments (scale a StatefulSet "
            + "as it is)");
      }
      throw new InvalidChangeException("unknown service '" + service + "' (the manifests hold "
          + ofKind("Deployment").stream().map(d -> label(d, "app")).distinct().sorted().toList() + ")");
    }
    return ofService;
  }

  /**
   * A StatefulSet of a service, by name.
   *
   * @throws InvalidChangeException naming the service's StatefulSets, when it has no such one
   */
  public ManifestReader.Manifest statefulSet(String service, String name) {
    List<ManifestReader.Manifest> ofService = ofKind("StatefulSet").stream()
        .filter(s -> service.equals(label(s, "app"))).toList();
    return ofService.stream().filter(s -> name.equals(name(s))).findFirst()
        .orElseThrow(() -> new InvalidChangeException("service " + service + " has no StatefulSet '" + name
            + "' (StatefulSets: " + ofService.stream().map(Manifests::name).sorted().toList() + ")"));
  }

  /** What names an object in the cluster: kind, namespace and name. */
  public static String identity(Map<String, Object> object) {
    return object.get("kind") + "/" + field(object, "metadata", "namespace").orElse("") + "/"
        + field(object, "metadata", "name").orElse("");
  }

  public static String label(ManifestReader.Manifest manifest, String key) {
    return field(manifest.object(), "metadata", "labels", key).map(String::valueOf).orElse("");
  }

  public static String name(ManifestReader.Manifest manifest) {
    return String.valueOf(((Map<?, ?>) manifest.object().get("metadata")).get("name"));
  }

  /** A nested field of a parsed object, or empty when any step is missing. */
  public static Optional<Object> field(Map<String, Object> object, Object... path) {
    Object node = object;
    for (Object step : path) {
      if (node instanceof Map<?, ?> map && step instanceof String key) {
        node = map.get(key);
      } else if (node instanceof List<?> list && step instanceof Integer index && index < list.size()) {
        node = list.get(index);
      } else {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(node);
  }
}
