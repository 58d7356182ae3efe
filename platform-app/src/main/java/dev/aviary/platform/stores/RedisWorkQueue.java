package dev.aviary.platform.stores;

import dev.aviary.platform.documents.DocumentErrors;
import dev.aviary.platform.documents.WorkQueue;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The queue as a Redis list every replica's workers take from ({@code BRPOP}, one id to one worker). Each worker has
 * a connection of its own, since a blocking pop holds its connection. The ids only point at documents in PostgreSQL,
 * whose claim makes sure an id queued twice (by the sweeper) is processed once.
 */
public final class RedisWorkQueue implements WorkQueue {

  static final String KEY = "aviary:documents:queue";
  private static final Logger log = LoggerFactory.getLogger(RedisWorkQueue.class);
  /** Pushes unless the list is full, in one step, so replicas pushing at once cannot overfill it. */
  private static final String PUSH_UNLESS_FULL = "if redis.call('llen', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end"
      + " return redis.call('lpush', KEYS[1], ARGV[1])";
  private static final long POP_TIMEOUT_SECONDS = 1;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StoreCalls calls;
  private final int workers;
  private final int capacity;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;
  private volatile int lastDepth;

  RedisWorkQueue(RedisClient client, StatefulRedisConnection<String, String> connection, StoreCalls calls, int workers,
                 int capacity) {
    this.client = client;
    this.connection = connection;
    this.calls = calls;
    this.workers = workers;
    this.capacity = capacity;
  }

  static boolean unreachable(RuntimeException e) {
    return e instanceof RedisException && !(e instanceof RedisCommandExecutionException);
  }

  @Override
  public synchronized void start(Consumer<String> worker) {
    if (!threads.isEmpty()) {
      throw new IllegalStateException("the workers have been started already");
    }
    for (int i = 1; i <= workers; i++) {
      threads.add(Thread.ofPlatform().daemon().name("document-worker-" + i).start(() -> work(worker)));
    }
  }

  @Override
  public void offer(String id) {
    long pushed = calls.call("push", () -> connection.sync().<Long>eval(PUSH_UNLESS_FULL, ScriptOutputType.INTEGER,
        new String[] {KEY}, id, Integer.toString(capacity)));
    if (pushed < 0) {
      throw new DocumentErrors.QueueFull(capacity, 2);
    }
  }

  /** Queues again those of {@code ids} that are not waiting in the list (an instance stopped with them in hand). */
  int requeue(List<String> ids) {
    int queued = 0;
    for (String id : ids) {
      if (calls.call("find", () -> connection.sync().lpos(KEY, id)) == null) {
        calls.call("push", () -> connection.sync().rpush(KEY, id));
        queued++;
      }
    }
    return queued;
  }

  @Override
  public int depth() {
    try {
      lastDepth = calls.call("depth", () -> connection.sync().llen(KEY)).intValue();
    } catch (DocumentErrors.StoreUnavailable e) {
      // the last known depth stands; readiness says Redis cannot be reached
    }
    return lastDepth;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public Optional<String> problem() {
    return calls.problem(() -> connection.sync().ping());
  }

  /** One worker: takes ids until closed, riding out Redis outages (its connection reconnects by itself). */
  private void work(Consumer<String> worker) {
    StatefulRedisConnection<String, String> own = null;
    boolean outage = false;
    while (running) {
      try {
        if (own == null) {
          own = client.connect();
        }
        KeyValue<String, String> taken = own.sync().brpop(POP_TIMEOUT_SECONDS, KEY);
        if (outage) {
          log.info("Redis reachable again; {} takes work", Thread.currentThread().getName());
          outage = false;
        }
        if (taken != null && taken.hasValue()) {
          take(worker, taken.getValue());
        }
      } catch (RedisException e) {
        if (running && !outage) {
          log.warn("Redis unreachable; {} waits for it: {}", Thread.currentThread().getName(),
              DocumentErrors.rootMessage(e));
          outage = true;
        }
        pause();
      }
    }
    if (own != null) {
      own.close();
    }
  }

  private static void take(Consumer<String> worker, String id) {
    try {
      worker.accept(id);
    } catch (RuntimeException e) {
      log.warn("Processing document {} stopped: {}", id, DocumentErrors.rootMessage(e));
    }
  }

  private void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Takes no more ids, and waits for the documents in hand (up to 30 s) so they are not left PROCESSING. */
  @Override
  public void close() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
