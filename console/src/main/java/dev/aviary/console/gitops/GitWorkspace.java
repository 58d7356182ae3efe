package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Aviary's working copy of the GitOps repository. Implementations talk to Git; nothing else here does. */
public interface GitWorkspace {

  /** Clones on first use, then fetches and moves the working copy to the remote branch's head. */
  void sync();

  /** The commit the working copy is at. */
  String head();

  /** A file at the working copy's head, by its path in the repository; empty when there is no such file. */
  default Optional<String> read(String path) {
    return readAt(head(), path);
  }

  /** A file as it is in a given commit, so that a change reads one consistent state even if others sync. */
  Optional<String> readAt(String commit, String path);

  /**
   * Whether {@code ancestor} is {@code commit} or in its history, as far as the working copy knows: false when it does
   * not know {@code ancestor} at all (not fetched yet, or gone from a rewritten branch).
   */
  boolean isAncestor(String ancestor, String commit);

  /** The files directly inside a folder of the repository ("" for the root), by path. */
  List<String> list(String folder);

  /** The branch's history, newest first. */
  List<CommitInfo> log(int skip, int limit);

  /**
   * Writes the files (path in the repository to its whole new content, {@code null} to delete it), commits them on {@code base} with the given
   * author and Aviary as committer, and pushes to the branch, never forcing. When the working copy is no longer at
   * {@code base} (someone synced meanwhile) the answer is {@link PushOutcome.Behind}: the files were edited from
   * {@code base} and must not overwrite what came after it. Whatever the outcome,
   * the working copy is left at what the remote holds: a commit that was not pushed does not linger.
   *
   * @throws GitOpsException when the remote refuses for any reason other than having moved on
   */
  PushOutcome commitAndPush(String base, Map<String, String> files, Identity author, String message);

  /**
   * One commit by its full id.
   *
   * @throws InvalidChangeException when the repository has no such commit
   */
  CommitInfo commit(String id);

  /** What a commit changed against its first parent, as a unified diff. */
  String diff(String commit);

  /**
   * The files a commit changed, as they would read with that change undone on top of {@code onto}: a three-way
   * merge per file, so later changes to other lines stay.
   *
   * A file the commit added comes back as {@code null} (to delete), one it deleted with its old content.
   *
   * @throws InvalidChangeException when a later change touched the same lines or the file since, or the commit
   *                                renamed files
   */
  Map<String, String> revertedFiles(String commit, String onto);

  /** Where the remote is, with any credentials left out: safe to show. */
  String displayUrl();
}
