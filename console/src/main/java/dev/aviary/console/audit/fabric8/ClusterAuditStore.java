package dev.aviary.console.audit.fabric8;

import dev.aviary.console.Listeners;
import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditStore;
import dev.aviary.console.cluster.fabric8.InformerEvents;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audit trail as {@code auditentries.aviary.dev} objects in Aviary's own namespace, one per entry: every console
 * writes its own and watches all, so each shows every console's, and they outlive any console. A custom resource
 * rather than Kubernetes Events, which the API server drops after its event TTL (one hour by default) whatever
 * retention Aviary is given. Long texts are cut so an entry stays far below the API server's object size limit.
 */
final class ClusterAuditStore implements AuditStore, AutoCloseable {

  static final ResourceDefinitionContext ENTRIES = new ResourceDefinitionContext.Builder().withGroup("aviary.dev")
      .withVersion("v1alpha1").withKind("AuditEntry").withPlural("auditentries").withNamespaced(true).build();
  private static final Logger log = LoggerFactory.getLogger(ClusterAuditStore.class);
  private static final int LONGEST_TEXT = 4000;

  private final KubernetesClient client;
  private final String namespace;
  private final String console;
  private final SharedIndexInformer<GenericKubernetesResource> informer;
  private final Listeners<Void> listeners = new Listeners<>();
  private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

  ClusterAuditStore(KubernetesClient client, String namespace, String console) {
    this.client = client;
    this.namespace = namespace;
    this.console = console;
    this.informer = client.genericKubernetesResources(ENTRIES).inNamespace(namespace).runnableInformer(0);
    InformerEvents.onAnyChange(informer, () -> listeners.publish(null));
  }

  void start() {
    informer.start();
  }

  @Override
  public void save(Entry entry) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(ENTRIES.getGroup() + "/" + ENTRIES.getVersion());
    object.setKind(ENTRIES.getKind());
    object.setMetadata(new ObjectMetaBuilder().withName(entry.id()).withNamespace(namespace)
        .addToLabels("app.kubernetes.io/name", "aviary").build());
    object.setAdditionalProperty("spec", spec(entry.event()));
    try {
      client.genericKubernetesResources(ENTRIES).inNamespace(namespace).resource(object).create();
    } catch (KubernetesClientException e) {
      switch (e.getCode()) {
        case 409 -> log.debug("audit entry {} was stored already", entry.id());
        case 400, 413, 422 -> throw new UnstorableEntryException(e.getMessage(), e);
        default -> throw e;
      }
    }
  }

  private Map<String, Object> spec(AuditEvent event) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("at", event.at().toString());
    spec.put("actor", cut(event.actor()));
    spec.put("action", cut(event.action()));
    spec.put("target", cut(event.target()));
    spec.put("outcome", event.outcome().name());
    spec.put("detail", cut(event.detail()));
    spec.put("commit", event.commit());
    spec.put("console", console);
    return spec;
  }

  private static String cut(String text) {
    return text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT - 1) + "…";
  }

  @Override
  public List<Entry> all() {
    return informer.getStore().list().stream().map(this::read).filter(Objects::nonNull).toList();
  }

  @SuppressWarnings("unchecked")
  private Entry read(GenericKubernetesResource object) {
    try {
      Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
      AuditEvent event = new AuditEvent(Instant.parse(text(spec, "at")), text(spec, "actor"), text(spec, "action"),
          text(spec, "target"), AuditEvent.Outcome.valueOf(text(spec, "outcome")), text(spec, "detail"),
          text(spec, "commit"));
      return new Entry(object.getMetadata().getName(), event);
    } catch (RuntimeException e) {
      if (unreadable.add(object.getMetadata().getName())) {
        log.warn("audit entry {}/{} cannot be read and is not shown: {}", namespace, object.getMetadata().getName(),
            e.getMessage());
      }
      return null;
    }
  }

  private static String text(Map<String, Object> spec, String field) {
    Object value = spec.get(field);
    if (value == null) {
      throw new IllegalArgumentException("spec." + field + " is missing");
    }
    return value.toString();
  }

  @Override
  public void delete(String id) {
    client.genericKubernetesResources(ENTRIES).inNamespace(namespace).withName(id).delete();
  }

  @Override
  public Runnable subscribe(Runnable changed) {
    return listeners.add(ignored -> changed.run());
  }

  @Override
  public void close() {
    informer.close();
  }
}
