package dev.aviary.console.health;

import dev.aviary.console.Listeners;
import dev.aviary.console.Background;
import dev.aviary.console.metrics.MetricsProperties;
import dev.aviary.console.metrics.MetricsSource;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads every golden signal for all services on a fixed interval, one query per signal, on a thread of its own,
 * and hands the result to subscribers. A failed read keeps nothing from before it as if it were current: the
 * failure is what subscribers get, with the time of the last good read.
 */
@Service
public class SignalFeed implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SignalFeed.class);

  private final MetricsSource source;
  private final MetricsProperties properties;
  private final Clock clock;
  private final Listeners<Signals> listeners = new Listeners<>();
  private final ScheduledExecutorService poller = Background.singleThread("golden-signals");
  private final java.util.concurrent.atomic.AtomicBoolean readQueued = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Signals latest;
  private volatile String lastFailure;

  SignalFeed(MetricsSource source, MetricsProperties properties, Clock clock) {
    this.source = source;
    this.properties = properties;
    this.clock = clock;
    this.latest = new Signals(source.description(), source.simulated(), null, Map.of(), null);
  }

  @Override
  public void afterPropertiesSet() {
    poller.scheduleWithFixedDelay(this::read, 0, properties.refresh().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reads all signals soon, besides the interval: when services come or go, their figures should not wait. */
  public void readSoon() {
    if (readQueued.compareAndSet(false, true)) {
      poller.execute(() -> {
        readQueued.set(false);
        read();
      });
    }
  }

  /** Reads all signals now; called on the feed's own interval. */
  void read() {
    try {
      Map<Signal, SignalResult> results = new EnumMap<>(Signal.class);
      for (Signal s : Signal.values()) {
        results.put(s, source.instant(s, properties.window()));
      }
      boolean allGood = results.values().stream().allMatch(SignalResult::ok);
      Signals next = new Signals(source.description(), source.simulated(), clock.instant(), results,
          allGood ? clock.instant() : latest.lastGood());
      logChange(next);
      latest = next;
      listeners.publish(next);
    } catch (RuntimeException e) {
      log.error("could not read golden signals from {}", source.description(), e);
    }
  }

  /** Logs when reading starts or stops failing, not on every interval. */
  private void logChange(Signals next) {
    String failure = next.failure().orElse(null);
    if (failure != null && !failure.equals(lastFailure)) {
      log.warn("golden signals unavailable: {}", failure);
    } else if (failure == null && lastFailure != null) {
      log.info("golden signals available again from {}", source.description());
    }
    lastFailure = failure;
  }

  public Signals latest() {
    return latest;
  }

  public Runnable subscribe(Consumer<Signals> listener) {
    return listeners.add(listener);
  }

  public MetricsSource source() {
    return source;
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
