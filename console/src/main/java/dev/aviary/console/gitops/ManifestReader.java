package dev.aviary.console.gitops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the objects a kustomization stands for: its {@code resources}, files or folders with kustomizations of their
 * own, followed recursively. Aviary applies what kustomize would render for manifests that use only
 * {@code resources}; anything that transforms them (patches, generators, namePrefix...) is refused by name rather
 * than silently ignored.
 */
public final class ManifestReader {

  private static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml",
      "Kustomization");
  private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "metadata");

  private final Function<String, Optional<String>> files;

  public ManifestReader(GitWorkspace workspace) {
    this(workspace::read);
  }

  /** Reads through any source of files by path, e.g. the head with a change's edits laid over it. */
  public ManifestReader(Function<String, Optional<String>> files) {
    this.files = files;
  }

  /** Whether a file is a kustomization rather than a manifest. */
  public static boolean isKustomization(String path) {
    return KUSTOMIZATION_FILES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /** A parsed object, the file it came from and its place among the file's YAML documents (from 0). */
  public record Manifest(String file, int document, Map<String, Object> object) {
  }

  public List<Manifest> read(String folder) {
    List<Manifest> out = new ArrayList<>();
    readFolder(folder, out, new HashSet<>());
    return out;
  }

  private void readFolder(String folder, List<Manifest> out, Set<String> visited) {
    if (!visited.add(folder)) {
      throw new GitOpsException("kustomization cycle through " + folder);
    }
    String kustomizationPath = KUSTOMIZATION_FILES.stream().map(f -> join(folder, f))
        .filter(p -> files.apply(p).isPresent()).findFirst()
        .orElseThrow(() -> new GitOpsException("no kustomization.yaml in " + (folder.isEmpty() ? "/" : folder)));
    Map<String, Object> kustomization = single(kustomizationPath, files.apply(kustomizationPath).orElseThrow());
    for (String field : kustomization.keySet()) {
      if (!SUPPORTED_FIELDS.contains(field)) {
        throw new GitOpsException(kustomizationPath + ": '" + field + "' is not supported; Aviary reads resources only");
      }
    }
    Object resources = kustomization.getOrDefault("resources", List.of());
    if (!(resources instanceof List<?> entries)) {
      throw new GitOpsException(kustomizationPath + ": resources must be a list");
    }
    for (Object entry : entries) {
      String path = normalize(join(folder, String.valueOf(entry)), kustomizationPath);
      if (files.apply(path).isPresent()) {
        out.addAll(manifests(path, files.apply(path).get()));
      } else {
        readFolder(path, out, visited);
      }
    }
  }

  /** Every YAML document in a file that is not empty, each checked to be a Kubernetes object. */
  public static List<Map<String, Object>> parse(String file, String content) {
    return manifests(file, content).stream().map(Manifest::object).toList();
  }

  /**
   * As {@link #parse}, keeping where each object stands in the file. The objects are read-only, and a file's
   * parse is remembered by its content: every change re-reads all manifests, and most files have not changed.
   */
  public static List<Manifest> manifests(String file, String content) {
    return PARSED.computeIfAbsent(file + '\0' + content, key -> parseDocuments(file, content));
  }

  private static final int PARSE_CACHE_ENTRIES = 512;
  private static final Map<String, List<Manifest>> PARSED = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Manifest>> eldest) {
          return size() > PARSE_CACHE_ENTRIES;
        }
      });

  private static List<Manifest> parseDocuments(String file, String content) {
    List<Manifest> objects = new ArrayList<>();
    try {
      int index = 0;
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(content)) {
        index++;
        if (doc == null) {
          continue;
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("kind") instanceof String)
            || !(map.get("apiVersion") instanceof String) || !(map.get("metadata") instanceof Map<?, ?> metadata)
            || !(metadata.get("name") instanceof String)) {
          throw new GitOpsException(file + ", document " + index + ": not a Kubernetes object "
              + "(apiVersion, kind and metadata.name are required)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) readOnly(map);
        objects.add(new Manifest(file, index - 1, object));
      }
      return List.copyOf(objects);
    } catch (YAMLException e) {
      throw new GitOpsException(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  /** A deep read-only copy: parsed manifests are shared between changes and must not be altered by any. */
  private static Object readOnly(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, readOnly(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(readOnly(item)));
      return Collections.unmodifiableList(copy);
    }
    return node;
  }

  private static Map<String, Object> single(String file, String content) {
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
      if (!(doc instanceof Map<?, ?>)) {
        throw new GitOpsException(file + " must be a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) doc;
      return map;
    } catch (YAMLException e) {
      throw new GitOpsException(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static String join(String folder, String name) {
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** Resolves "." and ".." segments; a path that climbs out of the repository is refused. */
  private static String normalize(String path, String referencedFrom) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new GitOpsException(referencedFrom + ": resource " + path + " points outside the repository");
        }
        parts.removeLast();
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
