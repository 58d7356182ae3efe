package dev.aviary.console.gitops;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a live object differs from its manifest. Only what the manifest says is compared: fields the server sets
 * (status, uid, resourceVersion, managedFields, defaults) are not in Git and so never count as drift. Lists of
 * named items (containers, ports, env) are matched by name, so order the server keeps does not matter.
 */
public final class ManifestDiff {

  /** A field that differs: its path (e.g. {@code spec.template.spec.containers[app].image}) and both values. */
  public record Field(String path, Object desired, Object live) {
  }

  private static final Set<String> METADATA_COMPARED = Set.of("name", "namespace", "labels", "annotations");

  private ManifestDiff() {
  }

  public static List<Field> diff(Map<String, Object> desired, Map<String, Object> live) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, Object> entry : desired.entrySet()) {
      String key = entry.getKey();
      if (key.equals("status") || key.equals("apiVersion") || key.equals("kind")) {
        continue;
      }
      if (key.equals("metadata") && entry.getValue() instanceof Map<?, ?> metadata) {
        Object liveMetadata = live.get("metadata");
        metadata.forEach((k, v) -> {
          if (METADATA_COMPARED.contains(k)) {
            compare("metadata." + k, v, liveMetadata instanceof Map<?, ?> m ? m.get(k) : null, fields);
          }
        });
        continue;
      }
      compare(key, entry.getValue(), live.get(key), fields);
    }
    return fields;
  }

  private static void compare(String path, Object desired, Object live, List<Field> out) {
    if (live == null && (desired instanceof Map<?, ?> m && m.isEmpty() || desired instanceof List<?> l && l.isEmpty())) {
      return; // an empty map or list in Git says nothing a missing field does not
    }
    if (desired instanceof Map<?, ?> map) {
      if (!(live instanceof Map<?, ?> liveMap)) {
        out.add(new Field(path, desired, live));
        return;
      }
      map.forEach((k, v) -> compare(path + "." + k, v, liveMap.get(k), out));
    } else if (desired instanceof List<?> list) {
      if (!(live instanceof List<?> liveList)) {
        out.add(new Field(path, desired, live));
      } else if (named(list)) {
        for (Object item : list) {
          Object name = ((Map<?, ?>) item).get("name");
          Object match = liveList.stream().filter(l -> l instanceof Map<?, ?> m && Objects.equals(m.get("name"), name))
              .findFirst().orElse(null);
          compare(path + "[" + name + "]", item, match, out);
        }
      } else if (list.size() != liveList.size()) {
        out.add(new Field(path, desired, live));
      } else {
        for (int i = 0; i < list.size(); i++) {
          compare(path + "[" + i + "]", list.get(i), liveList.get(i), out);
        }
      }
    } else if (!sameScalar(desired, live)) {
      out.add(new Field(path, desired, live));
    }
  }

  private static boolean named(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
  }

  /** 3 and 3.0 and "3" are the same value; YAML and JSON type them differently. */
  private static boolean sameScalar(Object desired, Object live) {
    if (desired == null || live == null) {
      return desired == live;
    }
    if (desired instanceof Number || live instanceof Number) {
      try {
        return new BigDecimal(desired.toString()).compareTo(new BigDecimal(live.toString())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return desired.toString().equals(live.toString());
  }
}
