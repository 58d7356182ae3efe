package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.coordination.CoordinationProperties;
import dev.aviary.console.coordination.Coordinates;
import dev.aviary.console.coordination.MeasuredWriteLock;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

/** How consoles coordinate through the cluster: the leader Lease and the write lock's Lease. */
@Configuration(proxyBeanMethods = false)
class CoordinationAdapters {

  @Bean
  Coordinates coordinates(ClusterInfo cluster, CoordinationProperties properties) {
    String namespace = properties.namespace().isBlank() ? cluster.namespaces().getFirst() : properties.namespace();
    String identity = properties.identity().isBlank()
        ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : properties.identity();
    return new Coordinates(namespace, identity);
  }

  @Bean(destroyMethod = "close")
  LeaseLeadership leadership(KubernetesClient client, Coordinates at, CoordinationProperties properties) {
    CoordinationProperties.Lease lease = properties.lease();
    LeaseLeadership leadership = new LeaseLeadership(client, at.namespace(), lease.name(), at.identity(),
        lease.duration(), lease.renewal(), lease.retry());
    leadership.start();
    return leadership;
  }

  @Bean(destroyMethod = "close")
  MeasuredWriteLock writeLock(KubernetesClient client, Coordinates at, CoordinationProperties properties, Clock clock,
                              PrometheusRegistry registry) {
    CoordinationProperties.WriteLock lock = properties.writeLock();
    return new MeasuredWriteLock(new LeaseWriteLock(client, at.namespace(), lock.name(), at.identity(),
        lock.duration(), lock.timeout(), clock), registry);
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
