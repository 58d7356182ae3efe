package dev.aviary.console.gitops;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A manifest of one version of a service copied for another version: a new name, and every {@code version} label
 * and selector, and every environment variable, that said the old version now says the new one. The copy is made by
 * editing the file's text, so its comments and layout are the original's.
 */
public final class VersionedCopy {

  private VersionedCopy() {
  }

  /** The copied file's text; the manifest must be alone in its file. */
  public static YamlEditor of(ManifestSet manifests, ManifestReader.Manifest original, String name, String from, String to) {
    String text = manifests.read(original.file()).orElseThrow();
    if (manifests.objectsOf(original.file()).size() != 1) {
      throw new InvalidChangeException(original.file() + " holds more than one object; put "
          + ManifestSet.name(original) + " in a file of its own to release new versions of it");
    }
    YamlEditor copy = new YamlEditor(text).set(0, List.of("metadata", "name"), name);
    for (List<Object> path : versionPaths(original.object(), new ArrayList<>(), from)) {
      copy.set(0, path, to);
    }
    return copy;
  }

  /** Where an object says {@code version}: its version labels and selectors, and environment variables set to it. */
  public static List<List<Object>> versionPaths(Object node, List<Object> at, String version) {
    List<List<Object>> out = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      boolean envVar = map.containsKey("name") && map.containsKey("value") && map.size() == 2;
      map.forEach((key, value) -> {
        List<Object> path = new ArrayList<>(at);
        path.add(String.valueOf(key));
        if (version.equals(value) && ("version".equals(key) || envVar && "value".equals(key))) {
          out.add(path);
        } else {
          out.addAll(versionPaths(value, path, version));
        }
      });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> path = new ArrayList<>(at);
        path.add(i);
        out.addAll(versionPaths(list.get(i), path, version));
      }
    }
    return out;
  }
}
