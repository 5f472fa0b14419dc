package org.gridgov.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Test helper: every place in a JSON tree (object field or array element), with its JSON path, so
 * that tests can remove or replace each one in a copy of the tree.
 */
final class JsonTrees {
  private JsonTrees() {}

  /**
   * One place in a tree: the steps from the root (field names and array indexes) and its path.
   *
   * @param steps field names (String) and indexes (Integer) from the root
   * @param path the JSON path, e.g. {@code $.payload.departmentIds[0]}
   */
  record Site(List<Object> steps, String path) {
    /** Returns the last step's field name, or null for an array element. */
    @Nullable String fieldName() {
      Object last = steps.get(steps.size() - 1);
      return last instanceof String s ? s : null;
    }

    JsonNode parentIn(JsonNode root) {
      JsonNode n = root;
      for (Object step : steps.subList(0, steps.size() - 1)) {
        n = step instanceof String s ? n.get(s) : n.get((Integer) step);
      }
      return n;
    }

    JsonNode valueIn(JsonNode root) {
      Object last = steps.get(steps.size() - 1);
      JsonNode parent = parentIn(root);
      return last instanceof String s ? parent.get(s) : parent.get((Integer) last);
    }

    /** A copy of the tree without this place (only for object fields). */
    JsonNode removedFrom(JsonNode root) {
      JsonNode copy = root.deepCopy();
      ((ObjectNode) parentIn(copy)).remove(java.util.Objects.requireNonNull(fieldName()));
      return copy;
    }

    /** A copy of the tree with this place's value replaced. */
    JsonNode replacedIn(JsonNode root, JsonNode value) {
      JsonNode copy = root.deepCopy();
      Object last = steps.get(steps.size() - 1);
      JsonNode parent = parentIn(copy);
      if (last instanceof String s) {
        ((ObjectNode) parent).set(s, value);
      } else {
        ((ArrayNode) parent).set((Integer) last, value);
      }
      return copy;
    }
  }

  static List<Site> sites(JsonNode root) {
    List<Site> out = new ArrayList<>();
    walk(root, new ArrayList<>(), "$", out);
    return out;
  }

  private static void walk(JsonNode n, List<Object> steps, String path, List<Site> out) {
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        List<Object> s = new ArrayList<>(steps);
        s.add(name);
        out.add(new Site(List.copyOf(s), path + "." + name));
        walk(n.get(name), s, path + "." + name, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        List<Object> s = new ArrayList<>(steps);
        s.add(i);
        out.add(new Site(List.copyOf(s), path + "[" + i + "]"));
        walk(n.get(i), s, path + "[" + i + "]", out);
      }
    }
  }

  /** Every object node of a tree, the root included. */
  static List<ObjectNode> objects(JsonNode root) {
    List<ObjectNode> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(JsonNode n, List<ObjectNode> out) {
    if (n.isObject()) {
      out.add((ObjectNode) n);
    }
    n.elements().forEachRemaining(child -> collect(child, out));
  }
}
