package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterProperties;
import dev.aviary.console.cluster.EmbeddedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Kubernetes client for the whole console, from a kubeconfig, the pod's service account, or the kubeconfig of a
 * cluster the console started itself ({@link EmbeddedCluster}).
 */
@Configuration(proxyBeanMethods = false)
class KubernetesClientConfiguration {

  @Bean
  ClusterTarget clusterTarget(ClusterProperties properties, ObjectProvider<EmbeddedCluster> embedded) {
    EmbeddedCluster own = embedded.getIfAvailable();
    if (own != null) {
      ClusterTarget target = fromKubeconfig(own.kubeconfig(), null);
      return new ClusterTarget(target.config(), own.name(), true);
    }
    if (properties.inCluster()) {
      if (!Files.isReadable(Path.of(Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH))) {
        throw new IllegalStateException("aviary.cluster.in-cluster is set but there is no service account token at "
            + Config.KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH + ": is Aviary running in a pod?");
      }
      return new ClusterTarget(Config.autoConfigure(null), "in-cluster", false);
    }
    return fromKubeconfig(Path.of(properties.kubeconfig()), properties.context());
  }

  private static ClusterTarget fromKubeconfig(Path file, String context) {
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("aviary.cluster.kubeconfig points to " + file + ", which cannot be read");
    }
    try {
      String contents = Files.readString(file);
      Config config = Config.fromKubeconfig(context == null || context.isBlank() ? null : context, contents,
          file.toString());
      String name = config.getCurrentContext() == null ? file.getFileName().toString()
          : config.getCurrentContext().getName();
      // An API server on plain HTTP speaks HTTP/1.1 only; asking it to upgrade to HTTP/2 just costs a round trip.
      config.setHttp2Disable(config.getMasterUrl().startsWith("http://"));
      return new ClusterTarget(config, name, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kubeconfig " + file, e);
    }
  }

  /**
   * fabric8 retries a refused request 10 times with doubling back-off by default: with the API server away, a change
   * then held the pipeline for ~20 s before it could say "committed, not applied". Two quick retries ride out a blip;
   * beyond that the change pipeline's re-apply loop, the release machine's next tick and the informers' own
   * reconnects (not affected by this) are the retry.
   */
  static final int REQUEST_RETRIES = 2;

  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient(ClusterTarget target) {
    Config config = target.config();
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Bean
  ClusterInfo clusterInfo(ClusterTarget target, ClusterProperties properties) {
    return new ClusterInfo(target.name(), target.config().getMasterUrl(), target.embedded(), properties.namespaces());
  }

  /**
   * The resolved connection: fabric8's configuration, the name operators know the cluster by, and whether the
   * console started it itself.
   */
  record ClusterTarget(Config config, String name, boolean embedded) {
  }
}
