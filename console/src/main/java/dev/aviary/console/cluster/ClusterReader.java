package dev.aviary.console.cluster;

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

  class ClusterReadException extends RuntimeException {
    public ClusterReadException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
