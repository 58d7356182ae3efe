package dev.aviary.console.health;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;
import dev.aviary.console.ui.LiveUpdates;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Binds a view to the shared overview while it is attached. */
final class OverviewUpdates {

  private OverviewUpdates() {
  }

  static void bind(Component component, OverviewService overview, SerializableConsumer<Overview> render) {
    bind(component, overview::current, overview::subscribe, render);
  }

  static void bind(Component component, Supplier<Overview> current, Function<Consumer<Overview>, Runnable> subscribe,
                   SerializableConsumer<Overview> render) {
    LiveUpdates.bind(component, current, subscribe, render);
  }
}
