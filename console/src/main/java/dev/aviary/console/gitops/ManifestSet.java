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
public final class ManifestSet extends Manifests {

  private final GitWorkspace workspace;
  private final String base;
  private final Map<String, YamlEditor> editors = new LinkedHashMap<>();
  /** Files read from {@link #base()}: a change reads each once, though rendering and validating both need it. */
  private final Map<String, Optional<String>> read;

  public ManifestSet(GitWorkspace workspace, String folder) {
    this(workspace, workspace.head(), new HashMap<>(), folder);
  }

  /** The manifests as they are in a given commit, which edits would build on. */
  public static ManifestSet at(GitWorkspace workspace, String commit, String folder) {
    return new ManifestSet(workspace, commit, new HashMap<>(), folder);
  }

  private ManifestSet(GitWorkspace workspace, String base, Map<String, Optional<String>> read, String folder) {
    super(new ManifestReader(file -> read.computeIfAbsent(file, f -> workspace.readAt(base, f))).read(folder));
    this.workspace = workspace;
    this.base = base;
    this.read = read;
  }

  /** The commit these manifests were read from, which edits build on. */
  public String base() {
    return base;
  }

  /** A file as it is in {@link #base()}. */
  public Optional<String> read(String file) {
    return read.computeIfAbsent(file, f -> workspace.readAt(base, f));
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
    editors.put(file, new YamlEditor(content));
  }

  /** Removes a file: its objects leave the cluster once the change is pushed. */
  public void delete(String file) {
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

  /**
   * A manifest's object as this change's edits have left it so far (lookups read {@link #base()}): for an edit that
   * must find list indexes after another edit of the same file moved them.
   */
  public Map<String, Object> current(ManifestReader.Manifest manifest) {
    YamlEditor editor = editors.get(manifest.file());
    if (editor == null) {
      return manifest.object();
    }
    return ManifestReader.manifests(manifest.file(), editor.text()).stream()
        .filter(m -> m.document() == manifest.document()).map(ManifestReader.Manifest::object).findFirst()
        .orElseThrow(() -> new GitOpsException(manifest.file() + " no longer holds document " + (manifest.document()
            + 1)));
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

}
