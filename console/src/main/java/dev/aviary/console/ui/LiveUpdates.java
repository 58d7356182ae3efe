package dev.aviary.console.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps a component in step with a live source while it is attached: the current value at once, then every new
 * one pushed through {@code ui.access}. Detaching ends the subscription, so closed tabs cost nothing.
 */
public final class LiveUpdates {

  private LiveUpdates() {
  }

  /** Like {@link #bind(Component, Supplier, Function, SerializableConsumer)}, for events with no current value. */
  public static <T> Registration onEvents(Component component, Function<Consumer<T>, Runnable> subscribe,
                                          SerializableConsumer<T> render) {
    return bind(component, null, subscribe, render);
  }

  /**
   * @param current   the value to render on attach
   * @param subscribe registers a listener called on a background thread and answers what unregisters it
   */
  public static <T> Registration bind(Component component, Supplier<T> current,
                                      Function<Consumer<T>, Runnable> subscribe, SerializableConsumer<T> render) {
    return component.addAttachListener(event -> {
      UI ui = event.getUI();
      if (current != null) {
        render.accept(current.get());
      }
      Runnable unsubscribe = subscribe.apply(value -> ui.access(() -> render.accept(value)));
      component.addDetachListener(detach -> {
        unsubscribe.run();
        detach.unregisterListener();
      });
    });
  }
}
