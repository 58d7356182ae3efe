package dev.aviary.console.release;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** A release's status as the plain map a Kubernetes object holds, and back. Instants are ISO-8601 text. */
public final class ReleaseStatusCodec {

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ReleaseStatusCodec() {
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(ReleaseStatus status) {
    return JSON.convertValue(status, Map.class);
  }

  /** @return null for an object without status (a release no console has stepped yet) */
  public static ReleaseStatus fromMap(Map<String, Object> status) {
    return status == null || status.isEmpty() ? null : JSON.convertValue(status, ReleaseStatus.class);
  }
}
