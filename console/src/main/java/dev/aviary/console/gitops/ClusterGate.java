package dev.aviary.console.gitops;

import dev.aviary.console.cluster.ClusterWriter.ClusterWriteException;
import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.coordination.Leadership;
import dev.aviary.console.coordination.PendingWrites;
import dev.aviary.console.coordination.WriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one way to the cluster. Every write (a change, a Sync, the re-apply of a refused change, start-up
 * reconciliation) comes here with the commit whose state it means to write, and the gate
 * <ol>
 *   <li>takes this console's turn, then the cluster-wide write lock, so no two writes interleave, on one console or
 *   across several;</li>
 *   <li>asks the lock which commit's state was applied last; when that commit is not in the history of the one to
 *   write (another console applied something newer meanwhile), it fetches and writes from Git's head instead;</li>
 *   <li>lets the writer say what to write, from the manifests at the commit settled on; writes it; and records that
 *   commit as the last applied.</li>
 * </ol>
 * So every write comes from a commit that descends from every commit written before it: an older Git state is
 * never applied over a newer one. Writes the cluster did not take are kept with the lock, and the leading console
 * tries them again from Git's head.
 */
@Service
public class ClusterGate implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ClusterGate.class);

  private final GitWorkspace workspace;
  private final ClusterWriter cluster;
  private final WriteLock lock;
  private final Leadership leadership;
  private final GitProperties git;
  private final ReentrantLock turn = new ReentrantLock(true);
  /** Pending writes this console could not hand over to the write lock yet. */
  private final AtomicReference<PendingWrites> unrecorded = new AtomicReference<>(PendingWrites.NONE);
  /** What a retry took from {@link #unrecorded} and has not yet handed over: still pending while it tries. */
  private final AtomicReference<PendingWrites> handingOver = new AtomicReference<>(PendingWrites.NONE);
  /** The hold of the block running {@link #holdingTheLock} on the thread that has the turn. */
  private volatile WriteLock.Held holding;

  public ClusterGate(GitWorkspace workspace, ClusterWriter cluster, WriteLock lock, Leadership leadership,
                     GitProperties git) {
    this.workspace = workspace;
    this.cluster = cluster;
    this.lock = lock;
    this.leadership = leadership;
    this.git = git;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(this::retryPending, git.reapplyInterval());
  }

  /** Objects to apply and objects to delete, as a writer makes them of the manifests at the settled commit. */
  public record Writes(List<Map<String, Object>> apply, List<Map<String, Object>> delete) {

    public Writes {
      apply = List.copyOf(apply);
      delete = List.copyOf(delete);
    }

    /**
     * The objects of {@code files} as {@code manifests} hold them, and the {@code deletions} they do not name again:
     * a change's writes, made of a commit that may be newer than the change's own.
     */
    public static Writes of(ManifestSet manifests, Set<String> files, List<Map<String, Object>> deletions) {
      Set<String> named = manifests.all().stream().map(m -> Manifests.identity(m.object())).collect(Collectors.toSet());
      return new Writes(manifests.all().stream().filter(m -> files.contains(m.file()))
          .map(ManifestReader.Manifest::object).toList(),
          deletions.stream().filter(o -> !named.contains(Manifests.identity(o))).toList());
    }
  }

  /** What was written: from which commit (the one asked for, or a newer head), and how many objects. */
  public record Written(String commit, int applied, int deleted) {
  }

  /**
   * Writes what {@code plan} makes of the manifests at {@code commit}, or at Git's newer head when another write
   * has already applied a state newer than {@code commit}.
   *
   * @throws ClusterWriteException when the cluster refused or could not be reached (naming the object), or another
   *                               console held the write lock for too long; what was written before stays written
   */
  public Written write(String commit, Function<ManifestSet, Writes> plan) {
    if (holding() != null) {
      return write(holding(), commit, plan);
    }
    turn.lock();
    try (WriteLock.Held held = lock.acquire()) {
      return write(held, commit, plan);
    } catch (WriteLock.LockUnavailableException e) {
      throw new ClusterWriteException(e.getMessage(), e, false);
    } finally {
      turn.unlock();
    }
  }

  /**
   * Runs {@code work} holding the write lock, so that what it commits and then writes through this gate is not
   * overtaken by another console: a change's fetch, edit, push and apply, one console at a time, in the order they
   * reach Git. When the lock cannot be had (the API server is away), the work runs without it: its commit still
   * lands in Git, and its writes fail as not applied.
   */
  public <T> T holdingTheLock(Supplier<T> work) {
    if (holding() != null) {
      return work.get();
    }
    turn.lock();
    WriteLock.Held held;
    try {
      held = lock.acquire();
    } catch (WriteLock.LockUnavailableException e) {
      turn.unlock();
      log.info("working without the cluster's write lock: {}", e.getMessage());
      return work.get();
    }
    try (held) {
      holding = held;
      return work.get();
    } finally {
      holding = null;
      turn.unlock();
    }
  }

  /** The hold a {@link #holdingTheLock} block on this thread has, or null. */
  private WriteLock.Held holding() {
    return turn.isHeldByCurrentThread() ? holding : null;
  }

  private Written write(WriteLock.Held held, String commit, Function<ManifestSet, Writes> plan) {
    String at = settle(commit, held.appliedCommit());
    Writes writes = plan.apply(ManifestSet.at(workspace, at, git.path()));
    // Recorded before writing: a write that fails half-way has still put some of this state in the cluster.
    held.applied(at);
    cluster.apply(writes.apply());
    cluster.delete(writes.delete());
    return new Written(at, writes.apply().size(), writes.delete().size());
  }

  /**
   * Keeps writes the cluster did not take with the write lock, for whichever console leads to try again from Git's
   * head until they are taken. When the lock cannot be reached either (the API server is away), this console keeps
   * them until it can hand them over.
   */
  public void keepTrying(PendingWrites writes) {
    if (holding() != null) {
      holding().pending(holding().pending().plus(writes));
      return;
    }
    turn.lock();
    try (WriteLock.Held held = lock.acquire()) {
      held.pending(held.pending().plus(writes));
    } catch (WriteLock.LockUnavailableException e) {
      unrecorded.updateAndGet(kept -> kept.plus(writes));
      log.warn("{} kept on this console until the cluster's write lock can be reached: {}", writes.files(),
          e.getMessage());
    } finally {
      turn.unlock();
    }
  }

  /**
   * Hands what this console kept over to the write lock, and on the leading console tries the pending writes again,
   * from Git's head.
   */
  public void retryPending() {
    if (unrecorded.get().isEmpty() && !(leadership.leading() && !sharedPending().isEmpty())) {
      return;
    }
    turn.lock();
    PendingWrites kept = unrecorded.getAndSet(PendingWrites.NONE);
    handingOver.set(kept);
    try (WriteLock.Held held = lock.acquire()) {
      PendingWrites pending = held.pending().plus(kept);
      held.pending(pending);
      kept = PendingWrites.NONE;
      if (pending.isEmpty() || !leadership.leading()) {
        return;
      }
      workspace.sync();
      Written written = write(held, workspace.head(), head -> Writes.of(head, pending.files(), pending.deletions()));
      held.pending(PendingWrites.NONE);
      log.info("re-applied {} to the cluster from {}", pending.files(), shortId(written.commit()));
    } catch (RuntimeException e) {
      log.warn("re-applying what the cluster did not take failed again, will retry: {}", e.getMessage());
    } finally {
      PendingWrites notHandedOver = kept;
      unrecorded.updateAndGet(p -> p.plus(notHandedOver));
      handingOver.set(PendingWrites.NONE);
      turn.unlock();
    }
  }

  /** The files whose writes are pending, by any console (asking the cluster) and kept by this one. */
  public Set<String> pendingFiles() {
    Set<String> files = new java.util.TreeSet<>(unrecorded.get().files());
    files.addAll(handingOver.get().files());
    files.addAll(sharedPending().files());
    return files;
  }

  private PendingWrites sharedPending() {
    try {
      return lock.pending();
    } catch (WriteLock.LockUnavailableException e) {
      return PendingWrites.NONE;
    }
  }

  private String settle(String commit, Optional<String> applied) {
    if (applied.isEmpty() || workspace.isAncestor(applied.get(), commit)) {
      return commit;
    }
    workspace.sync();
    String head = workspace.head();
    if (workspace.isAncestor(applied.get(), head)) {
      log.info("the cluster already holds the state of {}, newer than {}: writing from Git's head {} instead",
          shortId(applied.get()), shortId(commit), shortId(head));
    } else {
      log.warn("the cluster was last written from {}, which is not in the history of Git's head {} (was the branch "
          + "rewritten?): writing from the head, as Git is the record", shortId(applied.get()), shortId(head));
    }
    return head;
  }

  private static String shortId(String commit) {
    return commit.length() > 8 ? commit.substring(0, 8) : commit;
  }
}
