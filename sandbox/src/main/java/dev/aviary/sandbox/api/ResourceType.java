package dev.aviary.sandbox.api;

import java.util.List;

/**
 * One kind the sandbox API server holds, with what discovery needs to announce it.
 *
 * @param group      API group, empty for the core group
 * @param subresources which of "status" and "scale" the kind has
 */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced,
                           List<String> shortNames, List<String> subresources) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  public boolean hasStatus() {
    return subresources.contains("status");
  }

  public boolean hasScale() {
    return subresources.contains("scale");
  }
}
