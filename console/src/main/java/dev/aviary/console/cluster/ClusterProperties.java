package dev.aviary.console.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/**
 * Which cluster Aviary manages. With neither a kubeconfig nor in-cluster set, Aviary starts its sandbox
 * ({@code SandboxMode} is the one place that says so).
 *
 * @param kubeconfig path of a kubeconfig file
 * @param context    context in that file; its current context when empty
 * @param inCluster  use the pod's service account
 * @param namespaces the namespaces Aviary watches and writes to; nothing outside them
 */
@Validated
@ConfigurationProperties("aviary.cluster")
public record ClusterProperties(String kubeconfig, String context, boolean inCluster,
                                @DefaultValue("document-processing") @NotEmpty List<String> namespaces) {

  public ClusterProperties {
    if (inCluster && kubeconfig != null && !kubeconfig.isBlank()) {
      throw new IllegalArgumentException(
          "aviary.cluster.in-cluster and aviary.cluster.kubeconfig are both set; choose one");
    }
    if (context != null && !context.isBlank() && (kubeconfig == null || kubeconfig.isBlank())) {
      throw new IllegalArgumentException("aviary.cluster.context is set but aviary.cluster.kubeconfig is not");
    }
    namespaces = List.copyOf(namespaces);
  }
}
