package dev.aviary.console.scaling;

import dev.aviary.console.gitops.Intent;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestReader;
import dev.aviary.console.gitops.ManifestSet;

import java.util.List;

/**
 * Scaling a workload in Git, whatever its kind: a workload that an HPA manages is not given a replica count (that
 * would fight the autoscaler); the HPA's minimum moves instead, and its maximum with it when needed, and the summary
 * says so. Subclasses say which workload.
 */
public abstract class ScaleWorkload implements Intent {

  /** Scaling a version or a StatefulSet: the API's, the trailer's and the audit's name for it. */
  public static final String SCALE = "scale";

  private final String service;
  private final int replicas;
  private final int upperBound;
  private String summary;

  /** Refuses a count outside 0..{@code upperBound} before anything is read or written. */
  ScaleWorkload(String service, int replicas, int upperBound, String summary) {
    if (replicas < 0 || replicas > upperBound) {
      throw new InvalidChangeException("replicas must be between 0 and " + upperBound + ", got " + replicas);
    }
    this.service = service;
    this.replicas = replicas;
    this.upperBound = upperBound;
    this.summary = summary;
  }

  /** The workload's manifest, or an {@link InvalidChangeException} saying what there is instead. */
  abstract ManifestReader.Manifest workload(ManifestSet manifests);

  @Override
  public String service() {
    return service;
  }

  @Override
  public String action() {
    return SCALE;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public void edit(ManifestSet manifests) {
    summary = set(manifests, workload(manifests), replicas, upperBound);
  }

  private static String set(ManifestSet manifests, ManifestReader.Manifest workload, int replicas, int upperBound) {
    String name = ManifestSet.name(workload);
    String kind = String.valueOf(workload.object().get("kind"));
    var autoscaler = manifests.ofKind("HorizontalPodAutoscaler").stream()
        .filter(h -> ManifestSet.field(h.object(), "spec", "scaleTargetRef", "name").orElse("").equals(name)
            && ManifestSet.field(h.object(), "spec", "scaleTargetRef", "kind").orElse("").equals(kind))
        .findFirst();
    if (autoscaler.isEmpty()) {
      manifests.edit(workload.file()).set(workload.document(), List.of("spec", "replicas"), replicas);
      return "scale " + name + " to " + replicas + " replicas";
    }
    return setAutoscaler(manifests, autoscaler.get(), name, replicas, upperBound);
  }

  private static String setAutoscaler(ManifestSet manifests, ManifestReader.Manifest hpa, String workload,
                                      int replicas, int upperBound) {
    String hpaName = ManifestSet.name(hpa);
    int max = ((Number) ManifestSet.field(hpa.object(), "spec", "maxReplicas").orElse(1)).intValue();
    if (replicas == 0) {
      throw new InvalidChangeException(workload + " is autoscaled by HorizontalPodAutoscaler " + hpaName
          + ", which cannot go below 1 replica: remove the autoscaler to scale to 0");
    }
    manifests.edit(hpa.file()).set(hpa.document(), List.of("spec", "minReplicas"), replicas);
    int newMax = Math.max(max, replicas);
    if (newMax != max) {
      manifests.edit(hpa.file()).set(hpa.document(), List.of("spec", "maxReplicas"), Math.min(newMax, upperBound));
    }
    return "scale " + workload + " to at least " + replicas + " replicas (autoscaler " + hpaName + ": min "
        + replicas + ", max " + newMax + ")";
  }
}
