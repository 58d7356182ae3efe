package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Readiness as the controllers count it. */
final class Pods {

  private Pods() {
  }

  static boolean ready(Pod pod) {
    if (pod.getStatus() == null) {
      return false;
    }
    return pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static PodCondition condition(String type, boolean status, String now) {
    PodCondition c = new PodCondition();
    c.setType(type);
    c.setStatus(status ? "True" : "False");
    c.setLastTransitionTime(now);
    return c;
  }
}
