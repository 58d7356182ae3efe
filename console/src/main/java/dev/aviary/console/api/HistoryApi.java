package dev.aviary.console.api;

import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.CommitInfo;
import dev.aviary.console.gitops.GitHistory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The GitOps branch's history for scripts: filtered and paged like the History view, with diffs and reverts. */
@RestController
@RequestMapping("/api/v1/history")
class HistoryApi {

  private final GitHistory history;

  HistoryApi(GitHistory history) {
    this.history = history;
  }

  record Entry(String commit, String author, String email, Instant time, String subject, String action,
               String service, String message) {

    static Entry of(CommitInfo c) {
      return new Entry(c.id(), c.authorName(), c.authorEmail(), c.time(), c.subject(), c.action().orElse(null),
          c.service().orElse(null), c.message());
    }
  }

  record Page(List<Entry> commits, int page, int size, boolean more) {
  }

  record Detail(String commit, String diff) {
  }

  record RevertRequest(String reason) {
  }

  @GetMapping
  CompletableFuture<Page> page(@RequestParam(required = false) String service,
                               @RequestParam(required = false) String author,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return history.page(new GitHistory.Query(service, author, page, size)).thenApply(p ->
        new Page(p.commits().stream().map(Entry::of).toList(), page, size, p.more()));
  }

  @GetMapping("/{commit}/diff")
  CompletableFuture<Detail> diff(@PathVariable String commit) {
    return history.diff(commit).thenApply(diff -> new Detail(commit, diff));
  }

  @PostMapping("/{commit}/revert")
  CompletableFuture<ResponseEntity<ChangeResult>> revert(@PathVariable String commit,
                                                         @RequestBody(required = false) RevertRequest request) {
    return history.revert(commit, request == null ? "" : request.reason())
        .thenApply(ServicesApi::answer);
  }
}
