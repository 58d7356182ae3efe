package dev.aviary.console.cluster;

import java.time.Instant;

/**
 * One pod of a version.
 *
 * @param waitingReason why a container is not running (CrashLoopBackOff, ImagePullBackOff...), or empty
 * @param restarts      container restarts since the pod started, summed over its containers
 * @param lastRestart   when a container last terminated, or null when none has
 * @param created       the pod's creation time, or null when unknown
 */
public record PodState(String name, String phase, boolean ready, int restarts, String waitingReason, Instant created,
                       Instant lastRestart, String node, boolean terminating) {

  public boolean crashLooping() {
    return "CrashLoopBackOff".equals(waitingReason);
  }

  /** A container cannot even be started: its image or its configuration is wrong. */
  public boolean cannotStart() {
    return switch (waitingReason) {
      case "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError",
           "CreateContainerError" -> true;
      default -> false;
    };
  }
}
