package dev.aviary.console.cluster.fabric8;

import dev.aviary.console.Times;
import dev.aviary.console.Background;
import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ConnectionState;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The cluster as the console sees it, kept by shared informers. Events only mark the picture dirty; one publisher
 * thread rebuilds the snapshot at most every {@value #PUBLISH_MILLIS} ms and hands it to subscribers, so a burst of a
 * thousand pod updates costs one rebuild, and no informer thread ever waits on a page.
 */
@Component
class InformerClusterState implements ClusterState, InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(InformerClusterState.class);
  static final long PUBLISH_MILLIS = 100;

  private final ClusterInfo info;
  private final Clock clock;
  private final ManagedInformers informers;
  private final Set<Consumer<ClusterSnapshot>> listeners = new CopyOnWriteArraySet<>();
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final ScheduledExecutorService publisher = Background.singleThread("cluster-snapshot-publisher");
  private volatile ConnectionState connection;
  private volatile ClusterSnapshot snapshot;

  InformerClusterState(KubernetesClient client, ClusterInfo info, Clock clock) {
    this.info = info;
    this.clock = clock;
    this.connection = new ConnectionState(ConnectionState.Status.CONNECTING, clock.instant(),
        "Connecting to " + info.server());
    this.snapshot = new ClusterSnapshot(clock.instant(), connection, List.of(), List.of());
    this.informers = new ManagedInformers(client, info.namespaces(), () -> dirty.set(true));
  }

  @Override
  public void afterPropertiesSet() {
    informers.start();
    publisher.scheduleWithFixedDelay(this::publishIfDirty, 0, PUBLISH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void publishIfDirty() {
    try {
      trackConnection();
      if (dirty.getAndSet(false)) {
        ClusterSnapshot next = new ClusterSnapshot(clock.instant(), connection,
            SnapshotAssembler.services(informers.inputs()), informers.routingAndScaling());
        snapshot = next;
        listeners.forEach(l -> notify(l, next));
      }
    } catch (RuntimeException e) {
      log.error("could not publish a cluster snapshot", e);
    }
  }

  private void trackConnection() {
    ConnectionState.Status now = informers.watching() ? ConnectionState.Status.LIVE
        : connection.status() == ConnectionState.Status.CONNECTING ? ConnectionState.Status.CONNECTING
        : ConnectionState.Status.STALE;
    if (now == connection.status()) {
      return;
    }
    String detail = switch (now) {
      case LIVE -> "Watching " + info.namespaces() + " on " + info.server();
      case STALE -> "Lost the watch on " + info.server() + " at " + Times.clock(clock.instant())
          + "; reconnecting. What you see is from before then.";
      case CONNECTING -> connection.detail();
    };
    if (now == ConnectionState.Status.STALE) {
      log.warn(detail);
    }
    connection = new ConnectionState(now, clock.instant(), detail);
    dirty.set(true);
  }

  private static void notify(Consumer<ClusterSnapshot> listener, ClusterSnapshot next) {
    try {
      listener.accept(next);
    } catch (RuntimeException e) {
      log.warn("a cluster snapshot listener failed", e);
    }
  }

  @Override
  public ClusterInfo info() {
    return info;
  }

  @Override
  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public Subscription subscribe(Consumer<ClusterSnapshot> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void destroy() {
    publisher.shutdownNow();
    informers.close();
  }
}
