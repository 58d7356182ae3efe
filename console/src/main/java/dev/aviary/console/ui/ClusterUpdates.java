package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;

/** Keeps a component in step with the cluster while it is attached (see {@link LiveUpdates}). */
public final class ClusterUpdates {

  private ClusterUpdates() {
  }

  public static Registration bind(Component component, ClusterState state, SerializableConsumer<ClusterSnapshot> render) {
    return LiveUpdates.bind(component, state::snapshot, listener -> state.subscribe(listener::accept)::close, render);
  }
}
