package dev.aviary.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Who wants to hear about something, for a service that publishes it from its own thread. One listener that
 * throws does not keep the news from the others (a closed browser tab must not stop the overview for the rest).
 */
public final class Listeners<T> {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final Set<Consumer<T>> listeners = new CopyOnWriteArraySet<>();

  /** Adds a listener; running the returned handle removes it. */
  public Runnable add(Consumer<T> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void publish(T news) {
    for (Consumer<T> listener : listeners) {
      try {
        listener.accept(news);
      } catch (RuntimeException e) {
        log.warn("a listener failed on {}", news.getClass().getSimpleName(), e);
      }
    }
  }

  public boolean isEmpty() {
    return listeners.isEmpty();
  }
}
