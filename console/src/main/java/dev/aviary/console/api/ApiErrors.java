package dev.aviary.console.api;

import dev.aviary.console.gitops.ConflictingChangeException;
import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.InvalidChangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.concurrent.CompletionException;

/**
 * The API's errors as problem+json, with the message the service gave: 422 for a change that does not fit, 409 for
 * one the current state does not allow, 400 for a body that is not JSON of the right shape, 403 for an action the caller's role does not allow, 502 when Git refused or could not be reached (nothing was applied).
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(CompletionException.class)
  ProblemDetail unwrap(CompletionException e) {
    if (e.getCause() instanceof ConflictingChangeException conflict) {
      return conflict(conflict);
    }
    if (e.getCause() instanceof InvalidChangeException invalid) {
      return invalid(invalid);
    }
    if (e.getCause() instanceof GitOpsException git) {
      return git(git);
    }
    throw e;
  }

  @ExceptionHandler(InvalidChangeException.class)
  ProblemDetail invalid(InvalidChangeException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Change refused", e.getMessage());
  }

  @ExceptionHandler(ConflictingChangeException.class)
  ProblemDetail conflict(ConflictingChangeException e) {
    return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
  }

  @ExceptionHandler(GitOpsException.class)
  ProblemDetail git(GitOpsException e) {
    log.warn("API change failed in Git: {}", e.getMessage());
    return problem(HttpStatus.BAD_GATEWAY, "Git refused or failed; nothing was applied", e.getMessage());
  }

  /** The caller's token is fine but their role does not allow the action (the service said which it needs). */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", e.getMostSpecificCause().getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
