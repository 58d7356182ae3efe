package dev.aviary.console.audit.fabric8;

import dev.aviary.console.coordination.Coordinates;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit feature's Kubernetes adapter: the trail as AuditEntry objects in Aviary's own namespace. */
@Configuration(proxyBeanMethods = false)
class AuditAdapters {

  @Bean(destroyMethod = "close")
  ClusterAuditStore auditStore(KubernetesClient client, Coordinates at) {
    ClusterAuditStore store = new ClusterAuditStore(client, at.namespace(), at.identity());
    store.start();
    return store;
  }
}
