package dev.aviary.console.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One destination's notices, delivered in order by a thread of its own, so that a slow or dead receiver holds up
 * nothing but itself: never a change, a release step or another destination. The queue is bounded; a notice that
 * finds it full is dropped and reported. A failed delivery is tried again while trying may help (timeouts, 5xx),
 * with waits from the {@link RetryPolicy}, until it gives up.
 */
final class DeliveryQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);

  private final Destination destination;
  private final RetryPolicy retry;
  private final Clock clock;
  private final DeliveryOutcomes outcomes;
  private final BlockingQueue<Notice> queue;
  private final Thread worker;
  private volatile boolean open = true;

  DeliveryQueue(Destination destination, int capacity, RetryPolicy retry, Clock clock, DeliveryOutcomes outcomes) {
    this.destination = destination;
    this.retry = retry;
    this.clock = clock;
    this.outcomes = outcomes;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = Thread.ofPlatform().daemon().name("notify-" + destination.name()).start(this::run);
  }

  /** Queues the notice without waiting; false (and reported) when the queue is full. */
  boolean offer(Notice notice) {
    if (open && queue.offer(notice)) {
      return true;
    }
    outcomes.dropped(destination, notice);
    return false;
  }

  /** Notices waiting, not counting the one being delivered. */
  int waiting() {
    return queue.size();
  }

  private void run() {
    while (open) {
      try {
        Notice notice = queue.poll(1, TimeUnit.SECONDS);
        if (notice != null) {
          deliver(notice);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("delivering to {} failed unexpectedly", destination.name(), e);
      }
    }
  }

  private void deliver(Notice notice) throws InterruptedException {
    Instant first = clock.instant();
    for (int attempt = 1; ; attempt++) {
      try {
        destination.send(notice);
        outcomes.delivered(destination, notice, attempt);
        return;
      } catch (Destination.DeliveryFailure failure) {
        if (!failure.retryable()) {
          outcomes.rejected(destination, notice, failure.getMessage());
          return;
        }
        Duration wait = retry.delayAfter(attempt);
        if (Duration.between(first, clock.instant()).plus(wait).compareTo(retry.giveUpAfter()) > 0 || !open) {
          outcomes.gaveUp(destination, notice, attempt, failure.getMessage());
          return;
        }
        log.debug("{} to {} failed ({}), trying again in {}", notice.kind().word(), destination.name(),
            failure.getMessage(), wait);
        Thread.sleep(wait);
      }
    }
  }

  /** Stops after the delivery in progress; what is still queued is not sent. */
  @Override
  public void close() {
    open = false;
    worker.interrupt();
  }
}
