package dev.aviary.console.api;

import dev.aviary.console.cluster.ClusterWriter.ClusterWriteException;
import dev.aviary.console.gitops.ConflictingChangeException;
import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.InvalidChangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.concurrent.CompletionException;

/**
 * The API's errors as problem+json, with the message the service gave: 422 for a change that does not fit, 409 for
 * one the current state does not allow, 400 for a body that is not JSON of the right shape, 403 for an action the
 * caller's role does not allow, 502 when Git refused or could not be reached (nothing was applied). What Spring MVC
 * refuses before a controller runs (an unsupported Content-Type: 415, a wrong method: 405, an unknown path: 404) is
 * answered the same way, by the {@link ResponseEntityExceptionHandler} this extends; the API's security answers
 * 401 and 403 with {@link ProblemResponses}. The only MVC controllers are the API's, so this advice is global.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

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
    if (e.getCause() instanceof AccessDeniedException denied) {
      return denied(denied);
    }
    if (e.getCause() instanceof ClusterWriteException cluster) {
      return cluster(cluster);
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
  /**
   * Git's manifests the cluster would not take (422, naming the object and the API server's reason), or a cluster
   * that could not be reached (503). Git is not changed by either.
   */
  @ExceptionHandler(ClusterWriteException.class)
  ProblemDetail cluster(ClusterWriteException e) {
    log.warn("cluster write failed: {}", e.getMessage());
    return e.refused() ? problem(HttpStatus.UNPROCESSABLE_CONTENT, "The cluster refused Git's manifests", e.getMessage())
        : problem(HttpStatus.SERVICE_UNAVAILABLE, "The cluster could not be reached", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                HttpHeaders headers, HttpStatusCode status,
                                                                WebRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
        e.getMostSpecificCause().getMessage()));
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
