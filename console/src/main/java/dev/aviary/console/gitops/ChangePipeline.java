package dev.aviary.console.gitops;

import dev.aviary.console.coordination.PendingWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way Aviary changes anything: sync with the remote, edit the manifests as the intent says, validate, commit
 * as the operator, push (redoing the edit on the new head when the remote moved on, never forcing), then apply the
 * edited files to the cluster through the {@link ClusterGate}. Changes run one at a time. A push that fails applies nothing; an apply that fails
 * after the push leaves the change committed, and the leading console tries it again until the cluster takes it.
 */
@Service
public class ChangePipeline {

  private static final Logger log = LoggerFactory.getLogger(ChangePipeline.class);
  /** The longest random wait before the first redo; it doubles with each lost race, up to a second. */
  static final long REDO_WAIT_MILLIS = 30;

  private final GitWorkspace workspace;
  private final ClusterGate gate;
  private final GitProperties git;
  private final ApplicationEventPublisher events;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  public ChangePipeline(GitWorkspace workspace, ClusterGate gate, GitProperties git,
                        ApplicationEventPublisher events) {
    this.workspace = workspace;
    this.gate = gate;
    this.git = git;
    this.events = events;
  }

  /**
   * @throws InvalidChangeException when the intent does not fit the manifests; nothing is committed
   * @throws GitOpsException        when the remote refuses the push; nothing is applied
   */
  public ChangeResult submit(Change change) {
    oneAtATime.lock();
    try {
      return gate.holdingTheLock(() -> commitAndApply(change));
    } finally {
      oneAtATime.unlock();
    }
  }

  private ChangeResult commitAndApply(Change change) {
    String changeId = UUID.randomUUID().toString();
    String lastRefusal = "";
    for (int attempt = 1; attempt <= git.pushAttempts(); attempt++) {
      workspace.sync();
      ManifestSet manifests = new ManifestSet(workspace, git.path());
      change.intent().edit(manifests);
      Map<String, String> files = manifests.changedFiles();
      if (files.isEmpty()) {
        return new ChangeResult(changeId, change.intent().summary(), ChangeResult.State.NO_CHANGE, "", attempt, "");
      }
      Plan plan = validate(manifests, files);
      PushOutcome outcome = workspace.commitAndPush(manifests.base(), files, change.actor(),
          CommitMessage.of(change, changeId));
      if (outcome instanceof PushOutcome.Pushed pushed) {
        ChangeResult result = apply(changeId, change.intent().summary(), pushed.commit(), attempt, files, plan);
        events.publishEvent(new ChangeCommitted(result, change.intent().service(), change.actor()));
        return result;
      }
      lastRefusal = ((PushOutcome.Behind) outcome).remoteMessage();
      log.info("remote moved on while committing change {}; redoing it on the new head ({})", changeId, lastRefusal);
      backOff(attempt);
    }
    throw new GitOpsException("gave up after " + git.pushAttempts() + " attempts: the branch " + git.branch()
        + " of " + workspace.displayUrl() + " kept moving on (" + lastRefusal + "); nothing was applied");
  }

  /**
   * Waits a random while before redoing a change, longer after each lost race: two consoles pushing as fast as they
   * can would otherwise lose to each other in step, again and again.
   */
  private static void backOff(int attempt) {
    long longest = Math.min(REDO_WAIT_MILLIS << Math.min(attempt - 1, 5), 1000);
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(longest + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitOpsException("interrupted while redoing a change", e);
    }
  }

  /** What the cluster must take once a change is pushed: the edited files' objects, and deleted files' objects. */
  private record Plan(Set<String> files, List<Map<String, Object>> deleted) {
  }

  /**
   * The edited manifests must still render as a whole, and every edited manifest must be part of that rendering
   * (kustomizations themselves are checked by the rendering). A deleted file's objects are to be removed.
   */
  private Plan validate(ManifestSet manifests, Map<String, String> files) {
    List<ManifestReader.Manifest> rendered = new ManifestReader(
        path -> files.containsKey(path) ? Optional.ofNullable(files.get(path)) : manifests.read(path)).read(git.path());
    Set<String> edited = new java.util.HashSet<>();
    List<Map<String, Object>> deleted = new ArrayList<>();
    for (String file : files.keySet()) {
      if (ManifestReader.isKustomization(file)) {
        continue;
      }
      if (files.get(file) == null) {
        manifests.objectsOf(file).forEach(m -> deleted.add(m.object()));
        continue;
      }
      List<ManifestReader.Manifest> fromFile = rendered.stream().filter(m -> m.file().equals(file)).toList();
      if (fromFile.isEmpty()) {
        throw new InvalidChangeException(file + " is not part of the manifests under '" + git.path()
            + "': an edit there would never be applied");
      }
      edited.add(file);
    }
    return new Plan(edited, deleted);
  }

  private ChangeResult apply(String changeId, String summary, String commit, int attempt, Map<String, String> files,
                             Plan plan) {
    try {
      gate.write(commit, head -> ClusterGate.Writes.of(head, plan.files(), plan.deleted()));
      return new ChangeResult(changeId, summary, ChangeResult.State.APPLIED, commit, attempt, "");
    } catch (RuntimeException e) {
      gate.keepTrying(new PendingWrites(plan.files(), plan.deleted()));
      log.warn("change {} is committed as {} but the cluster refused it, retrying: {}", changeId, commit,
          e.getMessage());
      return new ChangeResult(changeId, summary, ChangeResult.State.COMMITTED_NOT_APPLIED, commit, attempt,
          e.getMessage());
    }
  }

  /** Files committed but not yet taken by the cluster, by any console; asks the cluster. */
  public Set<String> unappliedFiles() {
    return gate.pendingFiles();
  }
}
