package dev.aviary.console.health;

import dev.aviary.console.Failures;
import dev.aviary.console.routing.TrafficRouting;

import dev.aviary.console.Listeners;
import dev.aviary.console.Background;
import dev.aviary.console.cluster.ClusterInfo;
import dev.aviary.console.cluster.ClusterSnapshot;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.gitops.ChangeEvents;
import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.GitHistory;
import dev.aviary.console.gitops.SyncService;
import dev.aviary.console.gitops.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps the overview current: rebuilt on its own thread whenever the cluster, the signals or Git's side changes,
 * and handed to every open overview. Requests for a rebuild while one is queued fold into it, so a burst of cluster
 * events costs one build, and all open pages share one overview object.
 */
@Service
public class OverviewService implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OverviewService.class);
  /** How far back the last change of each service is looked for. */
  static final int HISTORY_DEPTH = 500;
  static final long COMPARE_AFTER_CLUSTER_CHANGE_MILLIS = 2000;

  private final ClusterState cluster;
  private final SignalFeed signals;
  private final SyncService sync;
  private final GitHistory history;
  private final ChangeEvents changes;
  private final TrafficRouting routing;
  private final HealthProperties properties;
  private final Clock clock;
  private final OverviewBuilder builder;
  private final Listeners<Overview> listeners = new Listeners<>();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean compareQueued = new AtomicBoolean();
  private volatile Set<String> serviceKeys = Set.of();
  private final ScheduledExecutorService worker = Background.singleThread("overview-builder");
  private final List<AutoCloseable> subscriptions = new java.util.ArrayList<>();
  private volatile SyncStatus syncStatus;
  private volatile String syncProblem;
  private volatile Map<String, CommitInfo> lastChanges = Map.of();
  private volatile Overview current;

  OverviewService(ClusterState cluster, SignalFeed signals, SyncService sync, GitHistory history,
                  TrafficRouting routing, HealthProperties properties, Clock clock) {
    this.cluster = cluster;
    this.signals = signals;
    this.sync = sync;
    this.history = history;
    this.changes = history.changes();
    this.routing = routing;
    this.properties = properties;
    this.clock = clock;
    this.builder = new OverviewBuilder(properties, new RestartWindow());
    this.current = build();
  }

  @Override
  public void afterPropertiesSet() {
    ClusterState.Subscription onCluster = cluster.subscribe(this::clusterChanged);
    Runnable onSignals = signals.subscribe(s -> rebuildSoon());
    ChangeEvents.Subscription onGit = changes.subscribe(change -> compareWithGit());
    subscriptions.add(onCluster);
    subscriptions.add(onSignals::run);
    subscriptions.add(onGit);
    worker.scheduleWithFixedDelay(this::compareWithGit, 0, properties.syncCheck().toMillis(), TimeUnit.MILLISECONDS);
    rebuildSoon();
  }

  /** The latest overview; never blocks. */
  public Overview current() {
    return current;
  }

  /** Calls the listener with every new overview, on the builder's thread, until the returned handle runs. */
  public Runnable subscribe(Consumer<Overview> listener) {
    return listeners.add(listener);
  }

  public ClusterInfo clusterInfo() {
    return cluster.info();
  }

  public SignalFeed signals() {
    return signals;
  }

  /**
   * Rebuilds at once; reads signals again when services came or went; compares with Git at most every
   * {@value #COMPARE_AFTER_CLUSTER_CHANGE_MILLIS} ms while the cluster changes, since a drift starts in the cluster.
   */
  private void clusterChanged(ClusterSnapshot snapshot) {
    rebuildSoon();
    Set<String> keys = new java.util.HashSet<>();
    snapshot.services().forEach(s -> keys.add(s.namespace() + "/" + s.name()));
    if (!keys.equals(serviceKeys)) {
      serviceKeys = keys;
      signals.readSoon();
    }
    if (compareQueued.compareAndSet(false, true)) {
      worker.schedule(() -> {
        compareQueued.set(false);
        compareWithGit();
      }, COMPARE_AFTER_CLUSTER_CHANGE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void rebuildSoon() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        publish();
      });
    }
  }

  private void publish() {
    try {
      Overview next = build();
      current = next;
      listeners.publish(next);
    } catch (RuntimeException e) {
      log.error("could not build the overview", e);
    }
  }

  Overview build() {
    ClusterSnapshot snapshot = cluster.snapshot();
    Map<String, Map<String, Integer>> weights = routing.live(snapshot.objects(),
        snapshot.services().stream().map(ServiceWorkload::name).toList());
    return builder.build(new OverviewBuilder.Inputs(snapshot, signals.latest(), syncStatus, syncProblem,
        lastChanges, weights), clock.instant());
  }

  /** Compares Git with the cluster and re-reads each service's last change, off the builder's thread. */
  private void compareWithGit() {
    sync.status().whenComplete((status, error) -> {
      if (error != null) {
        syncProblem = "could not compare Git with the cluster: " + Failures.rootMessage(error);
        log.warn(syncProblem);
      } else {
        syncStatus = status;
        syncProblem = null;
        try {
          lastChanges = history.latestPerService(HISTORY_DEPTH);
        } catch (RuntimeException e) {
          log.warn("could not read the last change per service: {}", Failures.rootMessage(e));
        }
      }
      rebuildSoon();
    });
  }

  @Override
  public void destroy() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        log.debug("closing a subscription failed", e);
      }
    }
    worker.shutdownNow();
  }
}
