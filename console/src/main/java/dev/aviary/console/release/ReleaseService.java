package dev.aviary.console.release;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ServiceWorkload;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.ConflictingChangeException;
import dev.aviary.console.gitops.GitHistory;
import dev.aviary.console.gitops.InvalidChangeException;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import dev.aviary.console.notifications.NotificationService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Releases (canary, mirrored canary, blue-green), for the Releases view and the JSON API alike: read them, start one (admins), steer one
 * (operators). Starting and steering are commits by the signed-in person; the leading console's controller does the
 * rest. Futures complete off the caller's thread.
 */
@Service
public class ReleaseService {

  private final ReleaseStore store;
  private final ClusterState cluster;
  private final ReleaseChanges changes;
  private final ChangePipeline pipeline;
  private final GitHistory history;
  private final ReleasesProperties properties;
  private final Operators operators;
  private final Clock clock;
  private final AsyncTaskExecutor executor;
  private final NotificationService notifications;

  ReleaseService(ReleaseStore store, ClusterState cluster, ReleaseChanges changes, ChangePipeline pipeline, GitHistory history,
                 ReleasesProperties properties, Operators operators, Clock clock,
                 @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, NotificationService notifications) {
    this.store = store;
    this.cluster = cluster;
    this.changes = changes;
    this.pipeline = pipeline;
    this.history = history;
    this.properties = properties;
    this.operators = operators;
    this.clock = clock;
    this.executor = executor;
    this.notifications = notifications;
  }

  public List<Release> releases() {
    return store.all();
  }

  public Optional<Release> release(String name) {
    return store.find(name);
  }

  public Runnable subscribe(Consumer<List<Release>> listener) {
    return store.subscribe(listener);
  }

  /** The services a release can be started for: those the cluster runs as versions (Deployments). */
  public List<String> services() {
    return cluster.snapshot().services().stream().filter(ServiceWorkload::runsVersions).map(ServiceWorkload::name)
        .distinct().sorted().toList();
  }

  /** The strategy a release of the service starts with unless the operator chooses another. */
  public ReleaseStrategy strategyFor(String service) {
    return properties.strategyFor(service);
  }

  /** The plan a release of the service starts with unless the operator chooses another strategy. */
  public ReleasePlan planFor(String service) {
    return properties.planFor(service);
  }

  public ReleasePlan planFor(String service, ReleaseStrategy strategy) {
    return properties.planFor(service, strategy);
  }

  public Optional<String> startRefusal() {
    return operators.refusal(Role.ADMIN);
  }

  public Optional<String> steerRefusal() {
    return operators.refusal(Role.OPERATOR);
  }

  /** {@link #start(String, String, String, ReleaseStrategy)} with the service's default strategy. */
  @Requires(value = Role.ADMIN, action = ReleaseChanges.START)
  public CompletableFuture<ReleaseStart> start(String service, String tag, String version) {
    return start(service, tag, version, properties.strategyFor(service));
  }

  /**
   * Starts a release of a new image tag of a service with the strategy's configured plan: commits the new version at
   * weight 0 and the release's manifest, as the signed-in admin.
   *
   * @param version  the new version's name; empty for the next {@code v<n>}
   * @param strategy null for the service's default
   */
  @Requires(value = Role.ADMIN, action = ReleaseChanges.START)
  public CompletableFuture<ReleaseStart> start(String service, String tag, String version, ReleaseStrategy strategy) {
    Identity actor = operators.current();
    ReleasePlan plan = properties.planFor(service, strategy == null ? properties.strategyFor(service) : strategy);
    return CompletableFuture.supplyAsync(() -> {
      ensureNoneRunning(service);
      ManifestSet manifests = changes.manifests();
      ReleaseSpec spec = changes.propose(manifests, service, tag, version, plan, actor.toString());
      return new ReleaseStart(ReleaseManifest.name(spec), pipeline.submit(new Change(changes.start(spec), actor, "")));
    }, executor);
  }

  private void ensureNoneRunning(String service) {
    store.all().stream().filter(r -> r.spec().service().equals(service) && !r.phase().finished()).findFirst()
        .ifPresent(r -> {
          throw new ConflictingChangeException("release " + r.name() + " of " + service + " is still "
              + r.phase().label().toLowerCase(Locale.ROOT) + "; promote or abort it first");
        });
  }

  @Requires(value = Role.OPERATOR, action = Steering.PAUSE)
  public CompletableFuture<ChangeResult> pause(String release, String reason) {
    return steer(release, Steering.Action.PAUSE, reason, null);
  }

  @Requires(value = Role.OPERATOR, action = Steering.RESUME)
  public CompletableFuture<ChangeResult> resume(String release, String reason) {
    return steer(release, Steering.Action.RESUME, reason, null);
  }

  @Requires(value = Role.OPERATOR, action = Steering.PROMOTE)
  public CompletableFuture<ChangeResult> promote(String release, String reason) {
    return steer(release, Steering.Action.PROMOTE, reason, null);
  }

  /** Traffic back to stable and the canary scaled to zero, in the operator's own commit, at once. */
  @Requires(value = Role.OPERATOR, action = Steering.ABORT)
  public CompletableFuture<ChangeResult> abort(String release, String reason) {
    return steer(release, Steering.Action.ABORT, reason, null);
  }

  /** Moves the canary's weight off the plan; the release pauses and continues from there when resumed. */
  @Requires(value = Role.OPERATOR, action = Steering.SET_WEIGHT)
  public CompletableFuture<ChangeResult> moveWeight(String release, int weight, String reason) {
    if (weight < 0 || weight > 100) {
      throw new InvalidChangeException("a canary weight must be between 0 and 100, got " + weight);
    }
    return steer(release, Steering.Action.SET_WEIGHT, reason, weight);
  }

  private CompletableFuture<ChangeResult> steer(String name, Steering.Action action, String reason, Integer weight) {
    Identity actor = operators.current();
    Release release = store.find(name).orElseThrow(() -> new InvalidChangeException("no release " + name));
    release.phase().refusal(action).ifPresent(why -> {
      throw new ConflictingChangeException("cannot " + action.word() + " release " + name + ": " + why);
    });
    Steering steering = new Steering(action, actor.toString(), clock.instant(), Change.checkedReason(reason), weight);
    return CompletableFuture.supplyAsync(() -> pipeline.submit(new Change(changes.steer(release.spec(), steering),
        actor, reason)), executor);
  }

  /** After promotion: reverts the commit in which the stable took the new template, through the pipeline. */
  @Requires(value = Role.OPERATOR, action = Release.RESTORE_PREVIOUS)
  public CompletableFuture<ChangeResult> restorePrevious(String name, String reason) {
    Release release = store.find(name).orElseThrow(() -> new InvalidChangeException("no release " + name));
    String commit = release.promotionCommit().orElseThrow(() -> new ConflictingChangeException("release " + name
        + " has not changed the stable version yet; abort it instead"));
    Identity actor = operators.current();
    String why = reason == null || reason.isBlank() ? "restore the version before release " + name : reason;
    return history.undo(commit, why, Release.RESTORE_PREVIOUS).thenApply(result -> {
      notifications.publish(ReleaseNotices.restored(release, actor, why, result.commit(), clock.instant(),
          notifications::link));
      return result;
    });
  }
}
