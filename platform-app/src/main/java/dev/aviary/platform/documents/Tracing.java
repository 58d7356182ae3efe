package dev.aviary.platform.documents;

import java.util.function.Supplier;

/**
 * Spans around the steps of a document's way through the service, exported over OTLP when tracing is configured
 * ({@code tracing}); {@link #OFF} otherwise. A document's processing continues the trace of the request that
 * submitted it, though it runs later and possibly on another replica: the trace travels with the document.
 */
public interface Tracing {

  /** Traces nothing. */
  Tracing OFF = new Tracing() {
    @Override
    public String traceParent() {
      return null;
    }

    @Override
    public <T> T trace(String name, String parent, Supplier<T> work) {
      return work.get();
    }

    @Override
    public <T> T step(String name, Supplier<T> work) {
      return work.get();
    }
  };

  /** The current span as a W3C {@code traceparent}, for work that continues it elsewhere; null when not traced. */
  String traceParent();

  /**
   * Runs {@code work} in a span named {@code name} that continues {@code parent} (a {@code traceparent} from
   * {@link #traceParent()}), or starts a trace when that is null: for work taken from the queue.
   */
  <T> T trace(String name, String parent, Supplier<T> work);

  /**
   * Runs {@code work} in a span named {@code name} under the current one; without a current trace (a probe, a
   * metrics scrape, the sweeper) it only runs it, so background work does not flood the traces.
   */
  <T> T step(String name, Supplier<T> work);
}
