package dev.aviary.sandbox.api;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** A request the API server refuses, answered as a Kubernetes {@code Status} the way a real server would. */
final class ApiError extends RuntimeException {

  private final int code;
  private final String reason;

  ApiError(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  static ApiError notFound(String what) {
    return new ApiError(404, "NotFound", what + " not found");
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message);
  }

  static ApiError unsupportedMediaType(String message) {
    return new ApiError(415, "UnsupportedMediaType", message);
  }

  static ApiError internal(String message) {
    return new ApiError(500, "InternalError", message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, "Conflict", message);
  }

  MockResponse toResponse() {
    String body = Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
        .withMessage(getMessage()).build());
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }
}
