package dev.aviary.console.cluster.fabric8;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How Aviary's informers report: any add, update or delete is "something changed"; errors are retried. */
public final class InformerEvents {

  private static final Logger log = LoggerFactory.getLogger(InformerEvents.class);

  private InformerEvents() {
  }

  public static <T extends HasMetadata> void onAnyChange(SharedIndexInformer<T> informer, Runnable onChange) {
    informer.exceptionHandler((started, t) -> {
      log.debug("informer error, retrying: {}", t.getMessage());
      return true;
    });
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.run();
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.run();
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onChange.run();
      }
    });
  }
}
