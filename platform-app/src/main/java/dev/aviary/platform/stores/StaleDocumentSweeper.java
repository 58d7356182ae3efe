package dev.aviary.platform.stores;

import dev.aviary.platform.documents.DocumentErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Queues again the documents that have waited too long: PROCESSING ones whose instance stopped in the middle (killed,
 * or PostgreSQL failed as the result was written) and QUEUED ones whose id never reached Redis or was lost with it.
 * Every replica runs one; PostgreSQL's row locks let only one of them take each document.
 */
final class StaleDocumentSweeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StaleDocumentSweeper.class);

  private final PostgresDocumentStore store;
  private final RedisWorkQueue queue;
  private final Clock clock;
  private final Duration requeueAfter;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("stale-document-sweeper").factory());

  StaleDocumentSweeper(PostgresDocumentStore store, RedisWorkQueue queue, Clock clock, Duration requeueAfter) {
    this.store = store;
    this.queue = queue;
    this.clock = clock;
    this.requeueAfter = requeueAfter;
  }

  void start() {
    long every = Math.max(1000, requeueAfter.toMillis() / 4);
    timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /** One pass; a store that cannot be reached is left to readiness to report, and the next pass tries again. */
  void sweep() {
    try {
      List<String> waiting = store.requeueWaitingSince(clock.instant().minus(requeueAfter));
      int queued = queue.requeue(waiting);
      if (queued > 0) {
        log.info("Queued {} documents again that had waited more than {} (an instance stopped while holding them,"
            + " or their place in the queue was lost)", queued, requeueAfter);
      }
    } catch (DocumentErrors.StoreUnavailable e) {
      log.debug("Sweep skipped: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Sweep failed: {}", DocumentErrors.rootMessage(e), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
