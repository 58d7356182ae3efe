package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import java.util.concurrent.ThreadLocalRandom;

/** Readiness as the controllers count it, and how they name and own the pods they make. */
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

  /** The reference that makes {@code owner} a pod's controller, so that the garbage collector follows it. */
  static OwnerReference controlledBy(HasMetadata owner, String apiVersion, String kind) {
    return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
  }

  /** Five characters, as the controllers append to a generated pod name. */
  static String randomSuffix() {
    return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
  }
}
