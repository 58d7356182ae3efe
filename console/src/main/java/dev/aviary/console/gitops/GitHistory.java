package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The GitOps repository's history, read off the UI thread (fetching may take as long as the remote does), and
 * reverts of it, which go through the change pipeline like any other change.
 */
@Service
public class GitHistory {

  private static final int BATCH = 200;

  private final GitWorkspace workspace;
  private final ChangePipeline pipeline;
  private final Operators operators;
  private final ChangeEvents changes;
  private final AsyncTaskExecutor executor;

  GitHistory(GitWorkspace workspace, ChangePipeline pipeline, Operators operators, ChangeEvents changes,
             @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
    this.changes = changes;
    this.workspace = workspace;
    this.pipeline = pipeline;
    this.operators = operators;
    this.executor = executor;
  }

  /**
   * @param service only commits about this service (Aviary's subjects start with it); blank for all
   * @param author  only commits whose author name or e-mail contains this, ignoring case; blank for all
   * @param page    from 0
   */
  public record Query(String service, String author, int page, int size) {

    public Query {
      if (page < 0 || size < 1 || size > 500) {
        throw new InvalidChangeException("page must be 0 or more and size 1 to 500, got page " + page + ", size " + size);
      }
    }

    boolean matches(CommitInfo c) {
      boolean byService = service == null || service.isBlank() || c.service().filter(service::equals).isPresent();
      String who = (c.authorName() + " " + c.authorEmail()).toLowerCase(Locale.ROOT);
      boolean byAuthor = author == null || author.isBlank() || who.contains(author.toLowerCase(Locale.ROOT));
      return byService && byAuthor;
    }
  }

  /** @param more whether later pages have commits too */
  public record Page(List<CommitInfo> commits, boolean more) {
  }

  /** The matching commits of the branch, newest first, after fetching from the remote. */
  public CompletableFuture<Page> page(Query query) {
    return CompletableFuture.supplyAsync(() -> {
      workspace.sync();
      List<CommitInfo> matching = new ArrayList<>();
      int wanted = (query.page() + 1) * query.size() + 1;
      for (int skip = 0; matching.size() < wanted; skip += BATCH) {
        List<CommitInfo> batch = workspace.log(skip, BATCH);
        batch.stream().filter(query::matches).forEach(matching::add);
        if (batch.size() < BATCH) {
          break;
        }
      }
      int from = Math.min(matching.size(), query.page() * query.size());
      int to = Math.min(matching.size(), from + query.size());
      return new Page(List.copyOf(matching.subList(from, to)), matching.size() > to);
    }, executor);
  }

  /**
   * The newest commit about each service among the latest {@code depth} commits of the workspace as last fetched
   * (no fetch of its own: callers ask right after something else fetched). Blocks on the repository.
   */
  public Map<String, CommitInfo> latestPerService(int depth) {
    Map<String, CommitInfo> latest = new HashMap<>();
    for (CommitInfo c : workspace.log(0, depth)) {
      c.service().ifPresent(service -> latest.putIfAbsent(service, c));
    }
    return latest;
  }

  public CompletableFuture<String> diff(String commit) {
    return CompletableFuture.supplyAsync(() -> workspace.diff(commit), executor);
  }

  /** A new commit that undoes {@code commit}, by the signed-in person, applied like any change. */
  @Requires(value = Role.OPERATOR, action = RevertCommit.REVERT)
  public CompletableFuture<ChangeResult> revert(String commit, String reason) {
    return undo(commit, reason, RevertCommit.REVERT);
  }

  /**
   * A revert made for another action (a release's restore-previous), recorded under that action's name. The caller
   * has checked the person's role.
   */
  public CompletableFuture<ChangeResult> undo(String commit, String reason, String action) {
    Identity actor = operators.current();
    String why = Change.checkedReason(reason);
    return CompletableFuture.supplyAsync(() -> {
      workspace.sync();
      CommitInfo undone = workspace.commit(commit);
      String body = (why.isEmpty() ? "" : why + "\n\n")
          + "This reverts commit " + undone.id() + ".";
      return pipeline.submit(new Change(new RevertCommit(workspace, undone, action), actor, body));
    }, executor);
  }

  /** Changes pushed through this console, as they happen. */
  public ChangeEvents changes() {
    return changes;
  }

  /** Who a revert made now is attributed to. */
  public Identity operator() {
    return operators.current();
  }

  /** Why the signed-in person may not revert; empty when they may. */
  public Optional<String> revertRefusal() {
    return operators.refusal(Role.OPERATOR);
  }

  public String remote() {
    return workspace.displayUrl();
  }
}
