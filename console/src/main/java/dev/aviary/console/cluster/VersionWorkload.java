package dev.aviary.console.cluster;

import java.util.List;
import java.util.Optional;

/**
 * One Deployment of a service: a version of it, with its pods and the autoscaler that sizes it.
 *
 * @param version    the {@code version} label, or the Deployment name when it has none
 * @param image      the first container's image
 * @param autoscaler the HorizontalPodAutoscaler targeting the Deployment, or null
 */
public record VersionWorkload(String deployment, String version, String image, Rollout rollout, List<PodState> pods,
                              AutoscalerState autoscaler) {

  public VersionWorkload {
    pods = List.copyOf(pods);
  }

  /** Ready replicas as the Deployment reports them (old pods of an unfinished rollout count too). */
  public int ready() {
    return rollout.ready();
  }

  /** Replicas running the current pod template. */
  public int updated() {
    return rollout.updated();
  }

  /** {@code spec.replicas}. */
  public int desired() {
    return rollout.desired();
  }

  public Optional<AutoscalerState> hpa() {
    return Optional.ofNullable(autoscaler);
  }

  /** Every desired replica runs the current template and is ready: no rollout is under way or stuck. */
  public boolean fullyReady() {
    return ready() >= desired() && updated() >= desired();
  }

  public boolean rollingOut() {
    return updated() < desired();
  }
}
