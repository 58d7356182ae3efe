package dev.aviary.console.gitops;

import java.util.List;
import java.util.Optional;

/** Aviary's working copy of the GitOps repository. Implementations talk to Git; nothing else here does. */
public interface GitWorkspace {

  /** Clones on first use, then fetches and moves the working copy to the remote branch's head. */
  void sync();

  /** The commit the working copy is at. */
  String head();

  /** A file at the working copy's head, by its path in the repository; empty when there is no such file. */
  Optional<String> read(String path);

  /** The files directly inside a folder of the repository ("" for the root), by path. */
  List<String> list(String folder);

  /** The branch's history, newest first. */
  List<CommitInfo> log(int skip, int limit);

  /** Where the remote is, with any credentials left out: safe to show. */
  String displayUrl();
}
