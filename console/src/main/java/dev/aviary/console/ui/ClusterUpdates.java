package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;

/**
 * Keeps a component in step with the cluster while it is attached: the current snapshot at once, then every new one
 * pushed through {@code ui.access}. Detaching ends the subscription, so closed tabs cost nothing.
 */
public final class ClusterUpdates {

  private ClusterUpdates() {
  }

  public static Registration bind(Component component, ClusterState state, SerializableConsumer<ClusterSnapshot> render) {
    Registration onAttach = component.addAttachListener(event -> {
      UI ui = event.getUI();
      render.accept(state.snapshot());
      ClusterState.Subscription subscription = state.subscribe(snapshot -> ui.access(() -> render.accept(snapshot)));
      component.addDetachListener(detach -> {
        subscription.close();
        detach.unregisterListener();
      });
    });
    return onAttach;
  }
}
