package dev.aviary.console.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under {@code /api/} that no endpoint serves, whatever the method: a problem+json 404 naming it. Without
 * this the console's pages would answer such a request with their HTML, which no script can read.
 */
@RestController
class UnknownEndpoints {

  @RequestMapping("/api/**")
  ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.problem(HttpStatus.NOT_FOUND, "No such endpoint",
        "no endpoint " + request.getMethod() + " " + request.getRequestURI() + " (docs/api.md lists them)"));
  }
}
