package dev.aviary.console.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stores audit entries one after the other on its own thread, in the order they happened. While the store cannot be
 * reached it keeps them (up to a capacity, then the oldest waiting one goes: its log line stays) and tries again,
 * waiting 1 s doubling to 30 s; on shutdown it gives what is left a few seconds to be stored.
 */
final class AuditWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
  private static final Duration FLUSH_AT_CLOSE = Duration.ofSeconds(5);

  private final AuditStore store;
  private final int capacity;
  private final Deque<AuditStore.Entry> waiting = new ArrayDeque<>();
  private final Thread thread;
  private boolean closing;
  private long failingSince;
  private int dropped;

  AuditWriter(AuditStore store, int capacity) {
    this.store = store;
    this.capacity = capacity;
    this.thread = Thread.ofPlatform().daemon().name("aviary-audit-writer").start(this::run);
  }

  synchronized void write(AuditStore.Entry entry) {
    if (waiting.size() >= capacity) {
      AuditStore.Entry oldest = waiting.removeFirst();
      if (dropped++ == 0) {
        log.warn("{} audit entries wait to be stored; the oldest waiting ones are dropped from the store, starting "
            + "with {} (their log lines stay)", waiting.size() + 1, oldest.id());
      }
    }
    waiting.addLast(entry);
    notifyAll();
  }

  private void run() {
    Duration wait = FIRST_WAIT;
    AuditStore.Entry next;
    while ((next = next()) != null) {
      try {
        store.save(next);
        stored(next);
        wait = FIRST_WAIT;
      } catch (AuditStore.UnstorableEntryException e) {
        log.warn("audit entry {} cannot be stored and is left to its log line: {}", next.id(), e.getMessage());
        stored(next);
      } catch (RuntimeException e) {
        if (!failed(e) || !pause(wait)) {
          return;
        }
        wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  private synchronized AuditStore.Entry next() {
    while (waiting.isEmpty() && !closing) {
      try {
        wait();
      } catch (InterruptedException e) {
        return null;
      }
    }
    return waiting.peekFirst();
  }

  private synchronized void stored(AuditStore.Entry entry) {
    waiting.remove(entry);
    if (failingSince != 0) {
      log.info("audit entries are stored again after {} s{}", (System.nanoTime() - failingSince) / 1_000_000_000,
          dropped == 0 ? "" : "; " + dropped + " were dropped from the store meanwhile");
      failingSince = 0;
      dropped = 0;
    }
    notifyAll();
  }

  /** @return whether to go on trying */
  private synchronized boolean failed(RuntimeException e) {
    if (failingSince == 0) {
      failingSince = System.nanoTime();
      log.warn("audit entries cannot be stored ({}); they wait and are tried again, their log lines have them",
          e.getMessage());
    }
    return !closing;
  }

  private boolean pause(Duration wait) {
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closing = true;
      notifyAll();
      long deadline = System.nanoTime() + FLUSH_AT_CLOSE.toNanos();
      while (!waiting.isEmpty() && failingSince == 0 && System.nanoTime() < deadline) {
        try {
          wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (!waiting.isEmpty()) {
        log.warn("{} audit entries were not stored before shutdown; their log lines have them", waiting.size());
      }
    }
    thread.interrupt();
  }
}
