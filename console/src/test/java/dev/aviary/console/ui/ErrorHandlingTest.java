package dev.aviary.console.ui;

import dev.aviary.console.gitops.ConflictingChangeException;
import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.InvalidChangeException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused change is the person's mistake and logged as such; a fault of the console is an error. */
class ErrorHandlingTest {

  @Test
  void refused_changes_and_denied_actions_are_refusals_however_they_were_carried() {
    assertThat(ErrorHandling.refusal(new InvalidChangeException("weight for v1 must be between 0 and 100"))).isTrue();
    assertThat(ErrorHandling.refusal(new ConflictingChangeException("cannot pause release r: it is promoted")))
        .isTrue();
    assertThat(ErrorHandling.refusal(new AccessDeniedException("needs OPERATOR"))).isTrue();
  }

  @Test
  void git_failures_and_bugs_are_faults() {
    assertThat(ErrorHandling.refusal(new GitOpsException("push rejected"))).isFalse();
    assertThat(ErrorHandling.refusal(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void the_message_shown_is_the_first_one_that_says_something() {
    assertThat(ErrorHandling.message(new CompletionException(new InvalidChangeException("no route for webapi"))))
        .isEqualTo("no route for webapi");
    assertThat(ErrorHandling.message(new IllegalStateException(null, new GitOpsException("push rejected"))))
        .isEqualTo("push rejected");
  }
}
