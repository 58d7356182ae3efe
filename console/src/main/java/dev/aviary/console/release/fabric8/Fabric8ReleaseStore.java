package dev.aviary.console.release.fabric8;

import dev.aviary.console.Listeners;
import dev.aviary.console.cluster.fabric8.InformerEvents;
import dev.aviary.console.release.Release;
import dev.aviary.console.release.ReleaseSpec;
import dev.aviary.console.release.ReleaseSpecCodec;
import dev.aviary.console.release.ReleaseStatus;
import dev.aviary.console.release.ReleaseStatusCodec;
import dev.aviary.console.release.ReleaseStore;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Releases as {@code releases.aviary.dev} objects: watched in every managed namespace, their status written through
 * the status subresource with the resourceVersion they were read at, so two writers never overwrite each other.
 */
final class Fabric8ReleaseStore implements ReleaseStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Fabric8ReleaseStore.class);
  static final ResourceDefinitionContext RELEASES = new ResourceDefinitionContext.Builder().withGroup("aviary.dev")
      .withVersion("v1alpha1").withKind("Release").withPlural("releases").withNamespaced(true).build();

  private final KubernetesClient client;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private final Listeners<List<Release>> listeners = new Listeners<>();
  /** Objects whose spec could not be read, by uid and resourceVersion: logged once each. */
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  Fabric8ReleaseStore(KubernetesClient client, List<String> namespaces) {
    this.client = client;
    for (String namespace : namespaces) {
      SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(RELEASES)
          .inNamespace(namespace).runnableInformer(0);
      InformerEvents.onAnyChange(informer, this::changed);
      informers.add(informer);
    }
  }

  void start() {
    informers.forEach(SharedIndexInformer::start);
  }

  private void changed() {
    listeners.publish(all());
  }

  @Override
  public List<Release> all() {
    List<Release> releases = new ArrayList<>();
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      for (GenericKubernetesResource object : informer.getStore().list()) {
        Release release = read(object);
        if (release != null) {
          releases.add(release);
        }
      }
    }
    releases.sort(Comparator.comparing(Release::name));
    return releases;
  }

  @SuppressWarnings("unchecked")
  private Release read(GenericKubernetesResource object) {
    Map<String, Object> properties = object.getAdditionalProperties();
    try {
      ReleaseSpec spec = ReleaseSpecCodec.fromMap((Map<String, Object>) properties.getOrDefault("spec", Map.of()));
      ReleaseStatus status = ReleaseStatusCodec.fromMap((Map<String, Object>) properties.get("status"));
      return new Release(object.getMetadata().getNamespace(), object.getMetadata().getName(),
          object.getMetadata().getResourceVersion(), spec, status);
    } catch (RuntimeException e) {
      if (reported.add(object.getMetadata().getUid() + "@" + object.getMetadata().getResourceVersion())) {
        log.warn("release {}/{} cannot be read and is left alone: {}", object.getMetadata().getNamespace(),
            object.getMetadata().getName(), e.getMessage());
      }
      return null;
    }
  }

  @Override
  public void saveStatus(Release release, ReleaseStatus status) {
    GenericKubernetesResource object = client.genericKubernetesResources(RELEASES).inNamespace(release.namespace())
        .withName(release.name()).get();
    if (object == null) {
      throw new ConflictException("release " + release.name() + " is gone", null);
    }
    if (!object.getMetadata().getResourceVersion().equals(release.resourceVersion())) {
      throw new ConflictException("release " + release.name() + " changed since it was read", null);
    }
    object.setAdditionalProperty("status", ReleaseStatusCodec.toMap(status));
    try {
      client.genericKubernetesResources(RELEASES).inNamespace(release.namespace()).resource(object).updateStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new ConflictException("release " + release.name() + " changed while its status was written", e);
      }
      throw e;
    }
  }

  @Override
  public Runnable subscribe(Consumer<List<Release>> listener) {
    return listeners.add(listener);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
