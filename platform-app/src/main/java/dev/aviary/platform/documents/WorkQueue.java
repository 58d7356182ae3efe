package dev.aviary.platform.documents;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ids of documents waiting for a worker: in this process (the default) or in Redis, where every replica's
 * workers take from one queue. Bounded: when it is full, work is refused rather than piled up.
 */
public interface WorkQueue extends AutoCloseable {

  /** Starts this instance's workers; each hands the ids it takes to {@code worker}. */
  void start(Consumer<String> worker);

  /**
   * @throws DocumentErrors.QueueFull        when every place is taken
   * @throws DocumentErrors.StoreUnavailable when the queue cannot be reached
   */
  void offer(String id);

  /** Ids waiting now (the last known figure while the queue cannot be reached). */
  int depth();

  int capacity();

  default boolean saturated() {
    return depth() >= capacity();
  }

  /** Why the queue cannot serve now, for readiness; empty when it can. */
  Optional<String> problem();

  /** Stops taking work and lets the documents in hand finish. */
  @Override
  void close();
}
