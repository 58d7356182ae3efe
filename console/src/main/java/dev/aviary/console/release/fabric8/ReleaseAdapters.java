package dev.aviary.console.release.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.release.Leadership;
import dev.aviary.console.release.ReleaseStore;
import dev.aviary.console.release.ReleasesProperties;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** The release feature's Kubernetes adapters: the Release objects and the leader Lease. */
@Configuration(proxyBeanMethods = false)
class ReleaseAdapters {

  @Bean(destroyMethod = "close")
  Fabric8ReleaseStore releaseStore(KubernetesClient client, ClusterInfo cluster) {
    Fabric8ReleaseStore store = new Fabric8ReleaseStore(client, cluster.namespaces());
    store.start();
    return store;
  }

  @Bean(destroyMethod = "close")
  LeaseLeadership releaseLeadership(KubernetesClient client, ClusterInfo cluster, ReleasesProperties properties) {
    ReleasesProperties.Lease lease = properties.lease();
    String namespace = lease.namespace().isBlank() ? cluster.namespaces().getFirst() : lease.namespace();
    String identity = lease.identity().isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
        : lease.identity();
    LeaseLeadership leadership = new LeaseLeadership(client, namespace, lease.name(), identity, lease.duration(),
        lease.renewal(), lease.retry());
    leadership.start();
    return leadership;
  }

  private static String hostName() {
    String pod = System.getenv("HOSTNAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "aviary";
    }
  }
}
