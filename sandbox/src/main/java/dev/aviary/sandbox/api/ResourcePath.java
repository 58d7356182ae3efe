package dev.aviary.sandbox.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the Kubernetes API, taken apart: {@code /apis/apps/v1/namespaces/ns/deployments/web/scale}.
 *
 * @param group       empty for the core group
 * @param namespace   null for cluster-wide requests
 * @param name        null for collection requests
 * @param subresource null, "status" or "scale"
 */
public record ResourcePath(String group, String version, String namespace, String plural, String name,
                           String subresource, String query) {

  private static final Pattern PATH = Pattern.compile(
      "^/(?:api|apis/(?<group>[^/]+))/(?<version>[^/]+)"
          + "(?:/namespaces/(?<namespace>[^/]+))?/(?<plural>[^/]+)(?:/(?<name>[^/]+)(?:/(?<sub>[^/]+))?)?$");

  public static Optional<ResourcePath> parse(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    // "/api/v1/namespaces/ns" backtracks to plural "namespaces" and name "ns": the Namespace object itself.
    String group = m.group("group") == null ? "" : m.group("group");
    return Optional.of(new ResourcePath(group, m.group("version"), m.group("namespace"), m.group("plural"),
        m.group("name"), m.group("sub"), query));
  }

  public boolean isCollection() {
    return name == null;
  }

  public boolean isWatch() {
    return query.contains("watch=true") || query.contains("watch=1");
  }

  /** The path without subresource and query, e.g. for reading the object a scale request is about. */
  public String objectPath() {
    return collectionPath() + (name == null ? "" : "/" + name);
  }

  public String collectionPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
  }

  public String queryParameter(String key) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
