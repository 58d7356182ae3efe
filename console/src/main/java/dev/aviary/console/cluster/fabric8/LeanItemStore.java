package dev.aviary.console.cluster.fabric8;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer's store that drops each object's managedFields as it arrives, as controller-runtime's
 * {@code TransformStripManagedFields} does. On a real API server they are the largest part of most objects (a pod
 * carries one entry per writer: the controller manager, the scheduler, the kubelet), and nothing read from the
 * informers uses them: drift and apply read live objects on their own ({@link Fabric8ClusterReader}).
 */
final class LeanItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  LeanItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return super.put(key, object);
  }
}
