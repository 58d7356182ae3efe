package dev.aviary.console.health;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import dev.aviary.console.ui.LiveUpdates;

/** Binds a view to the shared overview while it is attached. */
final class OverviewUpdates {

  private OverviewUpdates() {
  }

  static void bind(Component component, OverviewService overview, SerializableConsumer<Overview> render) {
    LiveUpdates.bind(component, overview::current, overview::subscribe, render);
  }
}
