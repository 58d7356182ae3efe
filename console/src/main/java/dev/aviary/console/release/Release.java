package dev.aviary.console.release;

import java.util.Optional;

/**
 * A release as the cluster holds it: the spec from Git and the status the leading console keeps.
 *
 * @param resourceVersion the version the status was read at; writing it back fails if someone wrote in between
 * @param status          null until the controller first saw the release
 */
public record Release(String namespace, String name, String resourceVersion, ReleaseSpec spec, ReleaseStatus status) {

  public Release withStatus(ReleaseStatus next) {
    return new Release(namespace, name, resourceVersion, spec, next);
  }

  public ReleasePhase phase() {
    return status == null ? ReleasePhase.STARTING : status.phase();
  }

  /** The commit in which the stable Deployment took the new version: what "restore previous version" reverts. */
  public Optional<String> promotionCommit() {
    return status == null || status.promotionCommit().isEmpty() ? Optional.empty()
        : Optional.of(status.promotionCommit());
  }
}
