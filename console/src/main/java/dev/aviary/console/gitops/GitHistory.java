package dev.aviary.console.gitops;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The GitOps repository's history, read off the UI thread: fetching may take as long as the remote does. */
@Service
public class GitHistory {

  private final GitWorkspace workspace;
  private final AsyncTaskExecutor executor;

  GitHistory(GitWorkspace workspace,
             @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.workspace = workspace;
    this.executor = executor;
  }

  /** The newest commits of the branch after fetching from the remote. */
  public CompletableFuture<List<CommitInfo>> recent(int limit) {
    return CompletableFuture.supplyAsync(() -> {
      workspace.sync();
      return workspace.log(0, limit);
    }, executor);
  }

  public String remote() {
    return workspace.displayUrl();
  }
}
