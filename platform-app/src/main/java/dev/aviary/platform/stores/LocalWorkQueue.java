package dev.aviary.platform.stores;

import dev.aviary.platform.documents.DocumentErrors;
import dev.aviary.platform.documents.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The queue in this process: a fixed set of workers behind a bounded queue. A restart loses what waits in it. */
public final class LocalWorkQueue implements WorkQueue {

  private static final Logger log = LoggerFactory.getLogger(LocalWorkQueue.class);

  private final int capacity;
  private final ThreadPoolExecutor executor;
  private volatile Consumer<String> worker;

  public LocalWorkQueue(int workers, int capacity) {
    this.capacity = capacity;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity),
        r -> {
          Thread t = new Thread(r, "document-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public void start(Consumer<String> worker) {
    if (this.worker != null) {
      throw new IllegalStateException("the workers have been started already");
    }
    this.worker = worker;
  }

  @Override
  public void offer(String id) {
    Consumer<String> taker = worker;
    if (taker == null) {
      throw new IllegalStateException("no workers started: start() comes before offer()");
    }
    try {
      executor.execute(() -> take(taker, id));
    } catch (RejectedExecutionException e) {
      throw new DocumentErrors.QueueFull(capacity, 2);
    }
  }

  private static void take(Consumer<String> worker, String id) {
    try {
      worker.accept(id);
    } catch (RuntimeException e) {
      log.warn("Processing document {} stopped: {}", id, DocumentErrors.rootMessage(e));
    }
  }

  @Override
  public int depth() {
    return executor.getQueue().size();
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public Optional<String> problem() {
    return Optional.empty();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
