package dev.aviary.console.cluster;

import java.time.Instant;

/**
 * A status condition as Kubernetes reports it on Deployments, Pods and autoscalers.
 *
 * @param since the last transition, or null when the object does not say
 */
public record Condition(String type, String status, String reason, String message, Instant since) {

  public boolean isTrue() {
    return "True".equals(status);
  }

  public boolean isFalse() {
    return "False".equals(status);
  }
}
