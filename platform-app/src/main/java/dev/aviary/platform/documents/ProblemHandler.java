package dev.aviary.platform.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal as {@code application/problem+json}, saying what was wrong. */
@RestControllerAdvice
class ProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(DocumentErrors.Refused.class)
  ResponseEntity<ProblemDetail> refused(DocumentErrors.Refused e) {
    if (e instanceof DocumentErrors.StoreUnavailable) {
      log.warn("{}", e.getMessage());
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e instanceof DocumentErrors.RetryLater later) {
      response.header(HttpHeaders.RETRY_AFTER, Integer.toString(later.retryAfterSeconds()));
    }
    return response.body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "parameter '" + e.getName() + "' must be a " + (e.getRequiredType() == null ? "valid value"
            : e.getRequiredType().getSimpleName()) + ", got '" + e.getValue() + "'");
    problem.setTitle("Bad parameter");
    return ResponseEntity.badRequest().body(problem);
  }
}
