package dev.aviary.platform.documents;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed set of workers behind a bounded queue: when it is full, work is refused rather than piled up. */
public final class ProcessingQueue implements AutoCloseable {

  private final int capacity;
  private final ThreadPoolExecutor executor;

  public ProcessingQueue(int workers, int capacity) {
    this.capacity = capacity;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
        r -> {
          Thread t = new Thread(r, "document-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** @return false when the queue is full */
  boolean offer(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  public int depth() {
    return executor.getQueue().size();
  }

  public int capacity() {
    return capacity;
  }

  public boolean saturated() {
    return executor.getQueue().remainingCapacity() == 0;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
