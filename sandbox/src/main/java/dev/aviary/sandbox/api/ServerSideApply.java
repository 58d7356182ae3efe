package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply, reduced to what a GitOps tool relies on: the applied configuration is merged into the live
 * object (maps field by field, lists replaced whole), each field manager owns the fields it applied (recorded in
 * {@code metadata.managedFields} as FieldsV1), and a field the manager applied before but no longer applies is
 * removed unless another applier still owns it. Conflicts are not raised: every apply behaves as if forced.
 */
final class ServerSideApply {

  private static final Set<List<String>> IDENTITY = Set.of(List.of("apiVersion"), List.of("kind"),
      List.of("metadata", "name"), List.of("metadata", "namespace"));
  private static final List<String> SERVER_SET = List.of("managedFields", "resourceVersion", "uid",
      "creationTimestamp", "generation", "deletionTimestamp");

  private ServerSideApply() {
  }

  /** @param live the stored object, or null when the apply creates it */
  static ObjectNode apply(ObjectNode live, ObjectNode applied, String manager, Instant now, boolean statusIsSubresource) {
    ObjectNode config = applied.deepCopy();
    if (statusIsSubresource) {
      config.remove("status");
    }
    ObjectNode configMetadata = (ObjectNode) config.path("metadata");
    SERVER_SET.forEach(configMetadata::remove);
    Set<List<String>> owned = leaves(config);
    owned.removeAll(IDENTITY);

    ObjectNode result;
    if (live == null) {
      result = config;
    } else {
      ObjectNode pruned = live.deepCopy();
      Set<List<String>> released = ownedBy(live, manager, true);
      released.removeAll(owned);
      released.removeAll(ownedBy(live, manager, false));
      released.forEach(path -> remove(pruned, path));
      result = (ObjectNode) MergePatch.jsonMerge(pruned, config);
    }
    recordOwnership(result, live, manager, owned, now);
    return result;
  }

  /** Leaf paths of an object: scalars, lists and empty maps are leaves; non-empty maps are descended into. */
  static Set<List<String>> leaves(JsonNode node) {
    Set<List<String>> out = new HashSet<>();
    collect(node, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonNode node, List<String> prefix, Set<List<String>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<String> path = new ArrayList<>(prefix);
      path.add(field.getKey());
      if (field.getValue().isObject() && !field.getValue().isEmpty()) {
        collect(field.getValue(), path, out);
      } else {
        out.add(List.copyOf(path));
      }
    }
  }

  /** Fields the given manager owns through Apply (same = true), or that any other manager owns (same = false). */
  private static Set<List<String>> ownedBy(JsonNode live, String manager, boolean same) {
    Set<List<String>> out = new HashSet<>();
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      boolean isManager = manager.equals(entry.path("manager").asText());
      if (isManager == same && (!same || "Apply".equals(entry.path("operation").asText()))) {
        fromFieldsV1(entry.path("fieldsV1"), new ArrayList<>(), out);
      }
    }
    return out;
  }

  private static void fromFieldsV1(JsonNode node, List<String> prefix, Set<List<String>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getKey().startsWith("f:")) {
        continue;
      }
      List<String> path = new ArrayList<>(prefix);
      path.add(field.getKey().substring(2));
      if (field.getValue().isEmpty()) {
        out.add(List.copyOf(path));
      } else {
        fromFieldsV1(field.getValue(), path, out);
      }
    }
  }

  private static ObjectNode toFieldsV1(Set<List<String>> paths) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (List<String> path : paths) {
      ObjectNode node = root;
      for (String key : path) {
        node = node.has("f:" + key) ? (ObjectNode) node.get("f:" + key) : node.putObject("f:" + key);
      }
    }
    return root;
  }

  private static void remove(ObjectNode root, List<String> path) {
    JsonNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      node = node.path(path.get(i));
    }
    if (node instanceof ObjectNode parent) {
      parent.remove(path.getLast());
    }
  }

  private static void recordOwnership(ObjectNode result, ObjectNode live, String manager, Set<List<String>> owned,
                                      Instant now) {
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    if (live != null) {
      for (JsonNode entry : live.path("metadata").path("managedFields")) {
        boolean replaced = manager.equals(entry.path("manager").asText())
            && "Apply".equals(entry.path("operation").asText());
        if (!replaced) {
          entries.add(entry.deepCopy());
        }
      }
    }
    ObjectNode entry = entries.addObject();
    entry.put("manager", manager);
    entry.put("operation", "Apply");
    entry.put("apiVersion", result.path("apiVersion").asText());
    entry.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", toFieldsV1(owned));
    ((ObjectNode) result.path("metadata")).set("managedFields", entries);
  }
}
