package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The two merge-style patches the API server accepts.
 * JSON merge patch follows RFC 7386: objects merge, null deletes, arrays are replaced whole.
 * Strategic merge patch is approximated the way it behaves for the fields operators touch: like a merge patch,
 * except that lists of objects keyed by {@code name} (containers, ports, env) merge item by item.
 */
final class MergePatch {

  private MergePatch() {
  }

  static JsonNode jsonMerge(JsonNode target, JsonNode patch) {
    return merge(target, patch, false);
  }

  static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    return merge(target, patch, true);
  }

  private static JsonNode merge(JsonNode target, JsonNode patch, boolean strategic) {
    if (strategic && target != null && target.isArray() && patch.isArray() && keyedByName(target, patch)) {
      return mergeByName((ArrayNode) target, (ArrayNode) patch);
    }
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue(), strategic));
      }
    }
    return result;
  }

  private static boolean keyedByName(JsonNode a, JsonNode b) {
    for (JsonNode list : new JsonNode[] {a, b}) {
      for (JsonNode item : list) {
        if (!item.isObject() || !item.hasNonNull("name")) {
          return false;
        }
      }
    }
    return !b.isEmpty();
  }

  private static ArrayNode mergeByName(ArrayNode target, ArrayNode patch) {
    ArrayNode result = target.deepCopy();
    for (JsonNode item : patch) {
      int index = indexOfName(result, item.get("name").asText());
      if (index < 0) {
        result.add(item.deepCopy());
      } else {
        result.set(index, merge(result.get(index), item, true));
      }
    }
    return result;
  }

  private static int indexOfName(ArrayNode list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(list.get(i).path("name").asText())) {
        return i;
      }
    }
    return -1;
  }
}
