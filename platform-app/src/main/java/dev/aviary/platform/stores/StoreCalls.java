package dev.aviary.platform.stores;

import dev.aviary.platform.documents.DocumentErrors;
import dev.aviary.platform.documents.Tracing;
import dev.aviary.platform.metrics.PlatformMetrics;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every call an adapter makes to its store goes through here: a span in the current trace, timed and counted in the
 * store metrics, and a failure
 * to reach the store turned into {@link DocumentErrors.StoreUnavailable} (answered 503), while any other failure, a
 * bug, stays what it is.
 */
final class StoreCalls {

  private final String store;
  private final String label;
  private final PlatformMetrics metrics;
  private final Tracing tracing;
  private final Predicate<RuntimeException> unreachable;

  /**
   * @param store       the store's name for people ("PostgreSQL")
   * @param label       its metric label ("postgresql")
   * @param unreachable which failures mean the store could not be reached
   */
  StoreCalls(String store, String label, PlatformMetrics metrics, Tracing tracing,
             Predicate<RuntimeException> unreachable) {
    this.store = store;
    this.label = label;
    this.metrics = metrics;
    this.tracing = tracing;
    this.unreachable = unreachable;
  }

  /**
   * @param operation what the call does, a metric label and said in the refusal ("add", "claim")
   */
  <T> T call(String operation, Supplier<T> call) {
    return tracing.step(label + " " + operation, () -> timed(operation, call));
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      T result = call.get();
      failed = false;
      return result;
    } catch (RuntimeException e) {
      if (unreachable.test(e)) {
        throw new DocumentErrors.StoreUnavailable(store, operation, e);
      }
      throw e;
    } finally {
      metrics.storeCall(label, operation, (System.nanoTime() - start) / 1e9, failed);
    }
  }

  void run(String operation, Runnable call) {
    call(operation, () -> {
      call.run();
      return null;
    });
  }

  /** Why the store cannot be reached, for readiness; empty when {@code check} succeeds. */
  Optional<String> problem(Runnable check) {
    try {
      run("check", check);
      return Optional.empty();
    } catch (DocumentErrors.StoreUnavailable e) {
      return Optional.of(store + " unreachable: " + DocumentErrors.rootMessage(e));
    }
  }
}
