package dev.aviary.console.scaling;

import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;

import java.util.List;

/**
 * Scale one version of a service. A Deployment that an HPA manages is not given a replica count (that would fight
 * the autoscaler): the HPA's minimum moves instead, and its maximum with it when needed, and the summary says so.
 */
public final class ScaleVersion implements Intent {

  private final String service;
  private final String version;
  private final int replicas;
  private final int upperBound;
  private String summary;

  public ScaleVersion(String service, String version, int replicas, int upperBound) {
    if (replicas < 0 || replicas > upperBound) {
      throw new InvalidChangeException("replicas must be between 0 and " + upperBound + ", got " + replicas);
    }
    this.service = service;
    this.version = version;
    this.replicas = replicas;
    this.upperBound = upperBound;
    this.summary = "scale " + service + " " + version + " to " + replicas + " replicas";
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String action() {
    return "scale";
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public void edit(ManifestSet manifests) {
    ManifestReader.Manifest deployment = manifests.deployment(service, version);
    String name = ManifestSet.name(deployment);
    var autoscaler = manifests.ofKind("HorizontalPodAutoscaler").stream()
        .filter(h -> ManifestSet.field(h.object(), "spec", "scaleTargetRef", "name").orElse("").equals(name)
            && ManifestSet.field(h.object(), "spec", "scaleTargetRef", "kind").orElse("").equals("Deployment"))
        .findFirst();
    if (autoscaler.isEmpty()) {
      manifests.edit(deployment.file()).set(deployment.document(), List.of("spec", "replicas"), replicas);
      summary = "scale " + name + " to " + replicas + " replicas";
      return;
    }
    scaleAutoscaler(manifests, autoscaler.get(), name);
  }

  private void scaleAutoscaler(ManifestSet manifests, ManifestReader.Manifest hpa, String deployment) {
    String hpaName = ManifestSet.name(hpa);
    int max = ((Number) ManifestSet.field(hpa.object(), "spec", "maxReplicas").orElse(1)).intValue();
    if (replicas == 0) {
      throw new InvalidChangeException(deployment + " is autoscaled by HorizontalPodAutoscaler " + hpaName
          + ", which cannot go below 1 replica: remove the autoscaler to scale to 0");
    }
    manifests.edit(hpa.file()).set(hpa.document(), List.of("spec", "minReplicas"), replicas);
    int newMax = Math.max(max, replicas);
    if (newMax != max) {
      manifests.edit(hpa.file()).set(hpa.document(), List.of("spec", "maxReplicas"), Math.min(newMax, upperBound));
    }
    summary = "scale " + deployment + " to at least " + replicas + " replicas (autoscaler " + hpaName + ": min "
        + replicas + ", max " + newMax + ")";
  }
}
