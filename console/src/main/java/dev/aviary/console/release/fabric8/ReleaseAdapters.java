package dev.aviary.console.release.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.release.ReleaseStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The release feature's Kubernetes adapter: the Release objects. */
@Configuration(proxyBeanMethods = false)
class ReleaseAdapters {

  @Bean(destroyMethod = "close")
  Fabric8ReleaseStore releaseStore(KubernetesClient client, ClusterInfo cluster) {
    Fabric8ReleaseStore store = new Fabric8ReleaseStore(client, cluster.namespaces());
    store.start();
    return store;
  }
}
