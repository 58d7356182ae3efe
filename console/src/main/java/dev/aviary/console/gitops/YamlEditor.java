package dev.aviary.console.gitops;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edits one value in a YAML file by splicing text where the value stands, so everything else in the file (comments,
 * order, quoting, blank lines) stays byte for byte as it was, and the same edit always gives the same output.
 * Paths are keys and list indexes from a document's root, e.g. {@code ["spec", "http", 0, "route"]}.
 */
public final class YamlEditor {

  private String text;

  public YamlEditor(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** Replaces the value at {@code path}, or adds the last key to its mapping when it is missing. */
  public YamlEditor set(int document, List<Object> path, Object value) {
    Node parent = find(document, path.subList(0, path.size() - 1));
    Object last = path.getLast();
    if (parent instanceof MappingNode mapping && last instanceof String key) {
      for (NodeTuple entry : mapping.getValue()) {
        if (entry.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return replace(entry.getValueNode(), value, column(entry.getKeyNode()) + 2);
        }
      }
      return addEntry(mapping, key, value);
    }
    if (parent instanceof SequenceNode sequence && last instanceof Integer index && index < sequence.getValue().size()) {
      Node item = sequence.getValue().get(index);
      return value instanceof Map<?, ?> || value instanceof List<?> ? replaceItem(item, value)
          : replace(item, value, column(item));
    }
    throw new GitOpsException("no place for " + describe(path) + " in document " + (document + 1));
  }

  /** Appends an item to the list at {@code path}. */
  public YamlEditor append(int document, List<Object> path, Object item) {
    if (!(find(document, path) instanceof SequenceNode sequence) || sequence.getValue().isEmpty()
        || sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new GitOpsException(describe(path) + " is not a non-empty block list in document " + (document + 1));
    }
    Node lastItem = sequence.getValue().getLast();
    int dash = text.lastIndexOf('-', offset(lastItem.getStartMark().getIndex()));
    int dashColumn = dash - text.lastIndexOf('\n', dash) - 1;
    String block = block(item).stripTrailing();
    String indent = " ".repeat(dashColumn);
    String rendered = indent + "- " + block.replace("\n", "\n" + indent + "  ");
    int at = endOfLine(lastContent(lastItem));
    text = text.substring(0, at) + "\n" + rendered + text.substring(at);
    return this;
  }

  /** Inserts an item into the block list at {@code path} before its item {@code index}, at that item's indentation. */
  public YamlEditor insert(int document, List<Object> path, int index, Object item) {
    if (!(find(document, path) instanceof SequenceNode sequence) || index < 0 || index >= sequence.getValue().size()
        || sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new GitOpsException("no block list item " + describe(path) + "[" + index + "] to insert before in document "
          + (document + 1));
    }
    int dash = text.lastIndexOf('-', offset(sequence.getValue().get(index).getStartMark().getIndex()));
    int lineStart = text.lastIndexOf('\n', dash) + 1;
    String indent = " ".repeat(dash - lineStart);
    String rendered = indent + "- " + block(item).stripTrailing().replace("\n", "\n" + indent + "  ");
    text = text.substring(0, lineStart) + rendered + "\n" + text.substring(lineStart);
    return this;
  }

  /** Removes the entry {@code path}'s last key names, and its value, from a block mapping that keeps another entry. */
  public YamlEditor removeKey(int document, List<Object> path) {
    Node parent = find(document, path.subList(0, path.size() - 1));
    if (!(parent instanceof MappingNode mapping) || !(path.getLast() instanceof String key)
        || mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new GitOpsException("no block mapping entry " + describe(path) + " in document " + (document + 1));
    }
    NodeTuple entry = mapping.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)).findFirst()
        .orElseThrow(() -> new GitOpsException("no " + describe(path) + " in document " + (document + 1)));
    if (mapping.getValue().size() == 1) {
      throw new GitOpsException("cannot remove the only entry of " + describe(path.subList(0, path.size() - 1)));
    }
    int from = text.lastIndexOf('\n', offset(entry.getKeyNode().getStartMark().getIndex()));
    int to = endOfLine(lastContent(entry.getValueNode()));
    text = text.substring(0, Math.max(from, 0)) + text.substring(from < 0 ? Math.min(to + 1, text.length()) : to);
    return this;
  }

  /** Removes the item at {@code path} (ending in an index) from a block list that keeps at least one item. */
  public YamlEditor remove(int document, List<Object> path) {
    Node parent = find(document, path.subList(0, path.size() - 1));
    if (!(parent instanceof SequenceNode sequence) || !(path.getLast() instanceof Integer index)
        || index >= sequence.getValue().size() || sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new GitOpsException("no block list item " + describe(path) + " in document " + (document + 1));
    }
    if (sequence.getValue().size() == 1) {
      throw new GitOpsException("cannot remove the only item of " + describe(path.subList(0, path.size() - 1)));
    }
    Node item = sequence.getValue().get(index);
    int dash = text.lastIndexOf('-', offset(item.getStartMark().getIndex()));
    int from = text.lastIndexOf('\n', dash);
    int to = endOfLine(lastContent(item));
    text = text.substring(0, Math.max(from, 0)) + text.substring(from < 0 ? Math.min(to + 1, text.length()) : to);
    return this;
  }

  /** The node at a path: for callers that need to look before they edit. */
  Node find(int document, List<Object> path) {
    Node node = documents().get(document);
    for (Object step : path) {
      node = child(node, step);
      if (node == null) {
        throw new GitOpsException("no " + describe(path) + " in document " + (document + 1));
      }
    }
    return node;
  }

  private YamlEditor replace(Node old, Object value, int blockIndent) {
    int start = offset(old.getStartMark().getIndex());
    int end = offset(old.getEndMark().getIndex());
    String replacement;
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      String block = block(value).stripTrailing();
      replacement = "\n" + " ".repeat(blockIndent) + block.replace("\n", "\n" + " ".repeat(blockIndent));
      start = text.lastIndexOf(':', start) + 1;
      end = endOfLine(lastContent(old));
    } else {
      replacement = scalar(value);
    }
    text = text.substring(0, start) + replacement + text.substring(end);
    return this;
  }

  /** A list item becomes a block: its first line stays after the dash, the rest at the item's column. */
  private YamlEditor replaceItem(Node item, Object value) {
    int start = offset(item.getStartMark().getIndex());
    int end = endOfLine(lastContent(item));
    String rendered = block(value).stripTrailing().replace("\n", "\n" + " ".repeat(column(item)));
    text = text.substring(0, start) + rendered + text.substring(end);
    return this;
  }

  private YamlEditor addEntry(MappingNode mapping, String key, Object value) {
    if (mapping.getValue().isEmpty() || mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw new GitOpsException("cannot add '" + key + "' to a flow-style or empty mapping");
    }
    NodeTuple lastEntry = mapping.getValue().getLast();
    String indent = " ".repeat(column(mapping.getValue().getFirst().getKeyNode()));
    String rendered = value instanceof Map<?, ?> || value instanceof List<?>
        ? indent + key + ":\n" + indent + "  " + block(value).stripTrailing().replace("\n", "\n" + indent + "  ")
        : indent + key + ": " + scalar(value);
    int at = endOfLine(lastContent(lastEntry.getValueNode()));
    text = text.substring(0, at) + "\n" + rendered + text.substring(at);
    return this;
  }

  private List<Node> documents() {
    try {
      List<Node> nodes = new ArrayList<>();
      new Yaml(new SafeConstructor(new LoaderOptions())).composeAll(new StringReader(text)).forEach(nodes::add);
      return nodes;
    } catch (YAMLException e) {
      throw new GitOpsException("not valid YAML: " + e.getMessage(), e);
    }
  }

  private static Node child(Node node, Object step) {
    if (node instanceof MappingNode mapping && step instanceof String key) {
      return mapping.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
          .map(NodeTuple::getValueNode).findFirst().orElse(null);
    }
    if (node instanceof SequenceNode sequence && step instanceof Integer index && index < sequence.getValue().size()) {
      return sequence.getValue().get(index);
    }
    return null;
  }

  /** Where a node's own text ends: the last non-blank character before its end mark (blocks end on later lines). */
  private int lastContent(Node node) {
    int end = offset(node.getEndMark().getIndex());
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private int endOfLine(int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline;
  }

  private int column(Node node) {
    return node.getStartMark().getColumn();
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 units. */
  private int offset(int codePoints) {
    return text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
  }

  static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = String.valueOf(value);
    // Image references stay unquoted: a colon is plain text in YAML unless a space or the end follows it.
    boolean plain = s.matches("[A-Za-z_/][A-Za-z0-9_./@:-]*") && !s.endsWith(":")
        && !s.matches("(?i)true|false|yes|no|on|off|null|~");
    return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Objects as new YAML documents, in the block style the editor writes: for files an intent creates. */
  public static String documents(List<?> objects) {
    return String.join("---\n", objects.stream().map(YamlEditor::block).toList());
  }

  private static String block(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setSplitLines(false);
    return new Yaml(new Representer(options), options).dump(value);
  }

  private static String describe(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path) {
      out.append(step instanceof Integer i ? "[" + i + "]" : (out.isEmpty() ? "" : ".") + step);
    }
    return out.toString();
  }
}
