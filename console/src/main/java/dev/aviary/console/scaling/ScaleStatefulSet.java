package dev.aviary.console.scaling;

import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;

/**
 * Scale one StatefulSet of a service (a store, say), as a Deployment is scaled: its replicas in Git, or its
 * autoscaler's range ({@link ScaleWorkload}). Pods go and come in order; their claims stay (the manifests retain them).
 */
public final class ScaleStatefulSet extends ScaleWorkload {

  private final String statefulSet;

  public ScaleStatefulSet(String service, String statefulSet, int replicas, int upperBound) {
    super(service, replicas, upperBound, "scale " + statefulSet + " to " + replicas + " replicas");
    this.statefulSet = statefulSet;
  }

  @Override
  ManifestReader.Manifest workload(ManifestSet manifests) {
    return manifests.statefulSet(service(), statefulSet);
  }
}
