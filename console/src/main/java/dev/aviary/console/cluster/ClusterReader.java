package dev.aviary.console.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads single live objects, for comparing them with what Git holds. */
public interface ClusterReader {

  /**
   * The live object a manifest names (same apiVersion, kind, namespace and name), as a plain map.
   *
   * @return empty when the cluster has no such object
   * @throws ClusterReadException when the cluster cannot be asked
   */
  Optional<Map<String, Object>> live(Map<String, Object> manifest);

  /**
   * The live objects of one kind in the managed namespaces that Aviary applied (its field manager is among their
   * managers): what Aviary is responsible for, whether or not Git still names it.
   */
  List<Map<String, Object>> appliedByAviary(String apiVersion, String kind);

  class ClusterReadException extends RuntimeException {
    public ClusterReadException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
