package dev.aviary.console.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifests at the workspace's head, as an intent sees them: objects to look up, and files to edit in place.
 * Edits collect here; nothing reaches Git until the pipeline commits {@link #changedFiles()}.
 */
public final class ManifestSet {

  private static final String LIVE = "(live cluster object)";

  private final GitWorkspace workspace;
  private final String base;
  private final List<ManifestReader.Manifest> manifests;
  private final Map<String, YamlEditor> editors = new LinkedHashMap<>();
  /** Files read from {@link #base()}: a change reads each once, though rendering and validating both need it. */
  private final Map<String, Optional<String>> read = new HashMap<>();

  public ManifestSet(GitWorkspace workspace, String folder) {
    this.workspace = workspace;
    this.base = workspace.head();
    this.manifests = new ManifestReader(this::read).read(folder);
  }

  private ManifestSet(List<Map<String, Object>> objects) {
    this.workspace = null;
    this.base = "";
    this.manifests = objects.stream().map(o -> new ManifestReader.Manifest(LIVE, 0, o)).toList();
  }

  /** Live objects read from the cluster, for reading with the same code as manifests; they cannot be edited. */
  public static ManifestSet live(List<Map<String, Object>> objects) {
    return new ManifestSet(objects);
  }

  /** The commit these manifests were read from, which edits build on. */
  public String base() {
    return base;
  }

  /** A file as it is in {@link #base()}. */
  public Optional<String> read(String file) {
    if (workspace == null) {
      throw new IllegalStateException("live objects have no files");
    }
    return read.computeIfAbsent(file, f -> workspace.readAt(base, f));
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
      throw new InvalidChangeException("unknown service '" + service + "' (the manifests hold "
          + ofKind("Deployment").stream().map(d -> label(d, "app")).distinct().sorted().toList() + ")");
    }
    return ofService;
  }

  public static String label(ManifestReader.Manifest manifest, String key) {
    return field(manifest.object(), "metadata", "labels", key).map(String::valueOf).orElse("");
  }

  /** The editor of a file, shared by all edits of one change so they add up. */
  public YamlEditor edit(String file) {
    YamlEditor editor = editors.get(file);
    if (editor == null && editors.containsKey(file)) {
      throw new InvalidChangeException("cannot edit " + file + ": the same change deletes it");
    }
    return editors.computeIfAbsent(file, f -> new YamlEditor(read(f)
        .orElseThrow(() -> new GitOpsException("no file " + f + " in the repository"))));
  }

  /** Replaces a whole file, or creates it: for intents that add a version or undo a commit. */
  public void write(String file, String content) {
    if (workspace == null) {
      throw new IllegalStateException("live objects have no files");
    }
    editors.put(file, new YamlEditor(content));
  }

  /** Removes a file: its objects leave the cluster once the change is pushed. */
  public void delete(String file) {
    if (workspace == null) {
      throw new IllegalStateException("live objects have no files");
    }
    if (read(file).isEmpty()) {
      throw new InvalidChangeException("cannot delete " + file + ": no such file at " + base);
    }
    editors.put(file, null);
  }

  /** Lists a new file in the kustomization of its folder, so the rendering (and the cluster) includes it. */
  public void include(String file) {
    edit(kustomizationOf(file)).append(0, List.of("resources"), fileName(file));
  }

  /** Takes a file out of the kustomization of its folder. */
  @SuppressWarnings("unchecked")
  public void exclude(String file) {
    String kustomization = kustomizationOf(file);
    if (read(kustomization).isEmpty()) {
      throw new InvalidChangeException("no " + kustomization + " lists " + file);
    }
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(edit(kustomization).text());
    List<Object> resources = parsed instanceof Map<?, ?> map && map.get("resources") instanceof List<?> list
        ? (List<Object>) list : List.of();
    int index = resources.indexOf(fileName(file));
    if (index < 0) {
      throw new InvalidChangeException(kustomization + " does not list " + fileName(file));
    }
    edit(kustomization).remove(0, List.of("resources", index));
  }

  private static String kustomizationOf(String file) {
    return sibling(file, "kustomization.yaml");
  }

  /** A file named {@code name} in the same folder as {@code file}. */
  public static String sibling(String file, String name) {
    return file.substring(0, file.lastIndexOf('/') + 1) + name;
  }

  private static String fileName(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  /** The objects a file holds at {@link #base()}, e.g. those to remove from the cluster with it. */
  public List<ManifestReader.Manifest> objectsOf(String file) {
    return read(file).map(content -> ManifestReader.manifests(file, content)).orElse(List.of());
  }

  /**
   * The files an intent changed, with their new content, or {@code null} for a deleted file; files edited back to
   * what they were are left out.
   */
  public Map<String, String> changedFiles() {
    Map<String, String> changed = new LinkedHashMap<>();
    editors.forEach((file, editor) -> {
      String after = editor == null ? null : editor.text();
      if (!Objects.equals(read(file).orElse(null), after)) {
        changed.put(file, after);
      }
    });
    return changed;
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
