package dev.aviary.console.bench;

import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.PushOutcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workspace that notes when the last push went through, to split "pushed" from "applied" in the benchmark. */
final class TimedWorkspace implements GitWorkspace {

  private final GitWorkspace delegate;
  private volatile long lastPushNanos;
  private long syncNanos;
  private long commitAndPushNanos;
  private int syncs;
  private int pushes;

  TimedWorkspace(GitWorkspace delegate) {
    this.delegate = delegate;
  }

  long lastPushNanos() {
    return lastPushNanos;
  }

  /** Mean time per sync and per commit-and-push since the last reset, in milliseconds. */
  String breakdown() {
    return "sync (fetch) %.1f ms, commit + push %.1f ms".formatted(syncNanos / 1e6 / Math.max(1, syncs),
        commitAndPushNanos / 1e6 / Math.max(1, pushes));
  }

  void resetBreakdown() {
    syncNanos = 0;
    commitAndPushNanos = 0;
    syncs = 0;
    pushes = 0;
  }

  @Override
  public PushOutcome commitAndPush(String base, Map<String, String> files, Identity author, String message) {
    long start = System.nanoTime();
    PushOutcome outcome = delegate.commitAndPush(base, files, author, message);
    lastPushNanos = System.nanoTime();
    commitAndPushNanos += lastPushNanos - start;
    pushes++;
    return outcome;
  }

  @Override
  public void sync() {
    long start = System.nanoTime();
    delegate.sync();
    syncNanos += System.nanoTime() - start;
    syncs++;
  }

  @Override
  public String head() {
    return delegate.head();
  }

  @Override
  public boolean isAncestor(String ancestor, String commit) {
    return delegate.isAncestor(ancestor, commit);
  }

  @Override
  public Optional<String> readAt(String commit, String path) {
    return delegate.readAt(commit, path);
  }

  @Override
  public List<String> list(String folder) {
    return delegate.list(folder);
  }

  @Override
  public List<CommitInfo> log(int skip, int limit) {
    return delegate.log(skip, limit);
  }

  @Override
  public CommitInfo commit(String id) {
    return delegate.commit(id);
  }

  @Override
  public String diff(String commit) {
    return delegate.diff(commit);
  }

  @Override
  public Map<String, String> revertedFiles(String commit, String onto) {
    return delegate.revertedFiles(commit, onto);
  }

  @Override
  public String displayUrl() {
    return delegate.displayUrl();
  }
}
