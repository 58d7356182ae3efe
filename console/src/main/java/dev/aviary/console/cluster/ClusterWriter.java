package dev.aviary.console.cluster;

import java.util.List;
import java.util.Map;

/** Writes manifests to the cluster. Every write is a server-side apply by Aviary's field manager. */
public interface ClusterWriter {

  String FIELD_MANAGER = "aviary";

  /**
   * Applies the objects in dependency order (namespaces and CRDs first).
   *
   * @param objects Kubernetes objects as parsed from YAML
   * @throws ClusterWriteException naming the object that failed; objects before it stay applied
   */
  void apply(List<Map<String, Object>> objects);

  /**
   * Deletes the objects these manifests name (objects that are already gone are fine), in reverse dependency order.
   *
   * @throws ClusterWriteException naming the object that failed
   */
  void delete(List<Map<String, Object>> objects);

  /**
   * A write that did not happen. {@link #refused()}: the cluster answered and said no (an invalid object, a field
   * its schema does not allow, no right to it, outside the managed namespaces), so trying again changes nothing
   * until the manifest does; otherwise it could not be reached or failed itself, and a retry may succeed.
   */
  class ClusterWriteException extends RuntimeException {
    private final boolean refused;

    public ClusterWriteException(String message, Throwable cause, boolean refused) {
      super(message, cause);
      this.refused = refused;
    }

    public boolean refused() {
      return refused;
    }
  }
}
