package dev.aviary.console.coordination;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.Optional;

/**
 * The write lock with its costs on the console's metrics: how long writes wait for another console's to end
 * ({@code aviary_write_lock_wait_seconds}) and how long this console holds it ({@code aviary_write_lock_held_seconds}),
 * so slow changes through several consoles can be told apart as waiting or working.
 */
public final class MeasuredWriteLock implements WriteLock, AutoCloseable {

  private final WriteLock lock;
  private final Histogram waits;
  private final Histogram holds;

  public MeasuredWriteLock(WriteLock lock, PrometheusRegistry registry) {
    this.lock = lock;
    this.waits = Histogram.builder().name("aviary_write_lock_wait_seconds")
        .help("How long a write waited for the cluster's write lock (another console's write)")
        .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30).register(registry);
    this.holds = Histogram.builder().name("aviary_write_lock_held_seconds")
        .help("How long this console held the cluster's write lock for one write (a change: fetch to apply)")
        .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30).register(registry);
  }

  @Override
  public Held acquire() {
    long start = System.nanoTime();
    Held held = lock.acquire();
    long acquired = System.nanoTime();
    waits.observe((acquired - start) / 1e9);
    return new Held() {
      @Override
      public Optional<String> appliedCommit() {
        return held.appliedCommit();
      }

      @Override
      public void applied(String commit) {
        held.applied(commit);
      }

      @Override
      public PendingWrites pending() {
        return held.pending();
      }

      @Override
      public void pending(PendingWrites pending) {
        held.pending(pending);
      }

      @Override
      public void close() {
        try {
          held.close();
        } finally {
          holds.observe((System.nanoTime() - acquired) / 1e9);
        }
      }
    };
  }

  @Override
  public PendingWrites pending() {
    return lock.pending();
  }

  @Override
  public void close() throws Exception {
    if (lock instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
