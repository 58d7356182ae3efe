package dev.aviary.console.cluster;

/**
 * One Deployment of a service: a version of it.
 *
 * @param version the {@code version} label, or the Deployment name when it has none
 * @param image   the first container's image
 * @param ready   ready replicas as the Deployment reports them (old pods of an unfinished rollout count too)
 * @param updated replicas running the current pod template
 * @param desired {@code spec.replicas}
 */
public record VersionWorkload(String deployment, String version, String image, int ready, int updated, int desired) {

  /** Every desired replica runs the current template and is ready: no rollout is under way or stuck. */
  public boolean fullyReady() {
    return ready >= desired && updated >= desired;
  }

  public boolean rollingOut() {
    return updated < desired;
  }
}
