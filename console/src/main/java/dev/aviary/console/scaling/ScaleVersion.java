package dev.aviary.console.scaling;

import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;

/** Scale one version of a service: its Deployment, or the autoscaler managing it ({@link ScaleWorkload}). */
public final class ScaleVersion extends ScaleWorkload {

  private final String version;

  public ScaleVersion(String service, String version, int replicas, int upperBound) {
    super(service, replicas, upperBound, "scale " + service + " " + version + " to " + replicas + " replicas");
    this.version = version;
  }

  @Override
  ManifestReader.Manifest workload(ManifestSet manifests) {
    return manifests.deployment(service(), version);
  }
}
