package dev.aviary.manifests;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every workload we ship must have, as a list of what is missing (empty when sound). */
final class PodSpecChecks {

  private PodSpecChecks() {
  }

  /** A Deployment's checks, and that it and its pods carry {@code versionLabel}. */
  static List<String> problemsOf(Deployment deployment, String versionLabel) {
    List<String> problems = new ArrayList<>();
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    if (podLabels == null || !podLabels.containsKey(versionLabel)
        || !deployment.getMetadata().getLabels().containsKey(versionLabel)) {
      problems.add(deployment.getMetadata().getName() + ": no '" + versionLabel + "' label on the Deployment and its pods");
    }
    problems.addAll(problemsOf(deployment, deployment.getSpec().getTemplate()));
    return problems;
  }

  /** Probes, resources, a non-root user and a fixed image for every container of {@code workload}'s pods. */
  static List<String> problemsOf(HasMetadata workload, PodTemplateSpec template) {
    List<String> problems = new ArrayList<>();
    String name = workload.getMetadata().getName();
    PodSecurityContext security = template.getSpec().getSecurityContext();
    if (security == null || !Boolean.TRUE.equals(security.getRunAsNonRoot())) {
      problems.add(name + ": pod securityContext lacks runAsNonRoot: true");
    }
    for (Container c : template.getSpec().getContainers()) {
      String where = name + "/" + c.getName();
      if (c.getStartupProbe() == null || c.getLivenessProbe() == null || c.getReadinessProbe() == null) {
        problems.add(where + ": needs startup, liveness and readiness probes");
      }
      ResourceRequirements r = c.getResources();
      if (r == null || !r.getRequests().keySet().containsAll(List.of("cpu", "memory"))
          || !r.getLimits().keySet().containsAll(List.of("cpu", "memory"))) {
        problems.add(where + ": needs cpu and memory requests and limits");
      }
      if (c.getSecurityContext() == null || !Boolean.FALSE.equals(c.getSecurityContext().getAllowPrivilegeEscalation())) {
        problems.add(where + ": must set allowPrivilegeEscalation: false");
      }
      imageProblem(c.getImage()).ifPresent(p -> problems.add(where + ": " + p));
    }
    return problems;
  }

  /** An image must name a fixed version: a tag other than latest, or a digest. */
  static java.util.Optional<String> imageProblem(String image) {
    String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
    if (image.contains("@sha256:")) {
      return java.util.Optional.empty();
    }
    if (!afterRegistry.contains(":")) {
      return java.util.Optional.of("image " + image + " has no tag, which means :latest");
    }
    if (afterRegistry.endsWith(":latest")) {
      return java.util.Optional.of("image " + image + " uses :latest");
    }
    return java.util.Optional.empty();
  }
}
