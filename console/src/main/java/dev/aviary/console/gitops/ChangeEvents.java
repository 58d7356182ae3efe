package dev.aviary.console.gitops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Every change pushed through this console, handed to whoever listens (open views), so one operator's change
 * shows in everyone's History and Git weights without a reload. Listeners run on the pipeline's thread and must
 * hand over to their UI with {@code ui.access}.
 */
@Service
public class ChangeEvents {

  private static final Logger log = LoggerFactory.getLogger(ChangeEvents.class);

  private final Set<Consumer<ChangeCommitted>> listeners = new CopyOnWriteArraySet<>();

  /** Ends a subscription. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public Subscription subscribe(Consumer<ChangeCommitted> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @EventListener
  void committed(ChangeCommitted event) {
    for (Consumer<ChangeCommitted> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("a change listener failed", e);
      }
    }
  }
}
