package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import dev.aviary.console.cluster.ClusterReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Compares Git's head with the live objects (Synced or OutOfSync per service, field by field) and re-applies Git's
 * state for a service on request. A sync changes nothing in Git: Git already holds what the cluster should be.
 */
@Service
public class SyncService {

  static final String PLATFORM = "platform";
  private static final Logger log = LoggerFactory.getLogger(SyncService.class);

  private final GitWorkspace workspace;
  private final GitProperties git;
  private final ClusterReader reader;
  private final ClusterGate gate;
  private final Clock clock;
  private final AsyncTaskExecutor executor;
  private final Object comparisons = new Object();
  private CompletableFuture<SyncStatus> running;
  private CompletableFuture<SyncStatus> queued;

  SyncService(GitWorkspace workspace, GitProperties git, ClusterReader reader, ClusterGate gate, Clock clock,
              @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.workspace = workspace;
    this.git = git;
    this.reader = reader;
    this.gate = gate;
    this.clock = clock;
    this.executor = executor;
  }

  /**
   * A comparison that starts now, or, while one runs, the single comparison queued after it: every open page asks
   * on each cluster change, and all who ask meanwhile share one answer instead of each reading the cluster again.
   */
  public CompletableFuture<SyncStatus> status() {
    synchronized (comparisons) {
      if (running == null || running.isDone()) {
        running = CompletableFuture.supplyAsync(this::compare, executor);
        return running;
      }
      if (queued == null) {
        queued = running.handle((status, error) -> null).thenComposeAsync(ignored -> {
          synchronized (comparisons) {
            running = queued;
            queued = null;
          }
          return CompletableFuture.supplyAsync(this::compare, executor);
        }, executor);
      }
      return queued;
    }
  }

  /**
   * Re-applies Git's objects of one service and deletes the objects Aviary applied for it that Git no longer
   * names; answers how many objects were applied.
   */
  public CompletableFuture<Integer> sync(String service, Identity actor) {
    return CompletableFuture.supplyAsync(() -> {
      workspace.sync();
      ClusterGate.Written written = gate.write(workspace.head(), head -> {
        List<Map<String, Object>> objects = head.all().stream().filter(m -> serviceOf(m).equals(service))
            .map(ManifestReader.Manifest::object).toList();
        List<Map<String, Object>> orphans = orphans(head).stream().filter(o -> service.equals(
            ManifestSet.field(o, "metadata", "labels", "app").map(String::valueOf).orElse(PLATFORM))).toList();
        if (objects.isEmpty() && orphans.isEmpty()) {
          throw new InvalidChangeException("no manifests for service '" + service + "' at " + head.base());
        }
        return new ClusterGate.Writes(objects, orphans);
      });
      log.info("{} synced {} to Git's {}: {} objects applied, {} no longer in Git deleted", actor, service,
          written.commit(), written.applied(), written.deleted());
      return written.applied();
    }, executor);
  }

  /** Objects Aviary applied, of the kinds Git holds, that Git no longer names. */
  private List<Map<String, Object>> orphans(ManifestSet head) {
    java.util.Set<String> inGit = new java.util.HashSet<>();
    java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
    for (ManifestReader.Manifest m : head.all()) {
      inGit.add(Manifests.identity(m.object()));
      kinds.add(m.object().get("apiVersion") + " " + m.object().get("kind"));
    }
    List<Map<String, Object>> orphans = new ArrayList<>();
    for (String kind : kinds) {
      String[] parts = kind.split(" ");
      reader.appliedByAviary(parts[0], parts[1]).stream().filter(o -> !inGit.contains(Manifests.identity(o)))
          .forEach(orphans::add);
    }
    return orphans;
  }

  /**
   * Compares, and if anything differs, checks that Git did not move meanwhile: a change pushed and applied while
   * the live objects were read would otherwise show as drift against the head before it.
   */
  private SyncStatus compare() {
    SyncStatus status = compareWith(head());
    for (int again = 0; again < 2 && !status.synced(); again++) {
      ManifestSet now = head();
      if (now.base().equals(status.commit())) {
        break;
      }
      status = compareWith(now);
    }
    return status;
  }

  private SyncStatus compareWith(ManifestSet head) {
    Map<String, List<SyncStatus.ObjectDrift>> byService = new TreeMap<>();
    for (ManifestReader.Manifest m : head.all()) {
      List<SyncStatus.ObjectDrift> drifts = byService.computeIfAbsent(serviceOf(m), s -> new ArrayList<>());
      Optional<Map<String, Object>> live = reader.live(m.object());
      String kind = String.valueOf(m.object().get("kind"));
      if (live.isEmpty()) {
        drifts.add(new SyncStatus.ObjectDrift(kind, ManifestSet.name(m), m.file(), true, false, List.of()));
        continue;
      }
      List<ManifestDiff.Field> fields = ManifestDiff.diff(m.object(), live.get());
      if (!fields.isEmpty()) {
        drifts.add(new SyncStatus.ObjectDrift(kind, ManifestSet.name(m), m.file(), false, false, fields));
      }
    }
    for (Map<String, Object> orphan : orphans(head)) {
      String app = ManifestSet.field(orphan, "metadata", "labels", "app").map(String::valueOf).orElse(PLATFORM);
      byService.computeIfAbsent(app, s -> new ArrayList<>()).add(new SyncStatus.ObjectDrift(
          String.valueOf(orphan.get("kind")), String.valueOf(ManifestSet.field(orphan, "metadata", "name").orElse("")),
          "", false, true, List.of()));
    }
    List<SyncStatus.Service> services = new ArrayList<>();
    byService.forEach((service, drifts) -> services.add(new SyncStatus.Service(service, List.copyOf(drifts))));
    return new SyncStatus(head.base(), clock.instant(), services);
  }

  private ManifestSet head() {
    workspace.sync();
    return new ManifestSet(workspace, git.path());
  }

  private static String serviceOf(ManifestReader.Manifest m) {
    String app = ManifestSet.label(m, "app");
    return app.isEmpty() ? PLATFORM : app;
  }
}
