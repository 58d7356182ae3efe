package dev.aviary.console.cluster;

import java.time.Instant;

/** A Kubernetes event about one of a service's objects (Deployment, ReplicaSet, Pod, autoscaler). */
public record EventInfo(String type, String reason, String message, String objectKind, String objectName, int count,
                        Instant lastSeen) {

  public boolean warning() {
    return "Warning".equals(type);
  }
}
