package dev.aviary.console.release;

/**
 * What a release is, as committed to Git: the service, the version it replaces and the one it brings, the image,
 * the plan, who started it and the last operator steering. Read back from the cluster's copy of the manifest.
 */
public record ReleaseSpec(String service, String stableVersion, String canaryVersion, String image, ReleasePlan plan,
                          String startedBy, Steering steering) {

  public String canaryDeployment() {
    return service + "-" + canaryVersion;
  }

  public String stableDeployment() {
    return service + "-" + stableVersion;
  }
}
