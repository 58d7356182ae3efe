package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.coordination.PendingWrites;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the write lock's Lease remembers besides who holds it, as annotations: the newest applied commit, and the
 * pending writes as JSON (files, and the objects to delete by API version, kind, namespace and name only).
 */
final class WriteLockRecord {

  static final String APPLIED_COMMIT = "aviary.dev/applied-commit";
  static final String PENDING_WRITES = "aviary.dev/pending-writes";
  static final String NEXT = "aviary.dev/next";
  private static final Logger log = LoggerFactory.getLogger(WriteLockRecord.class);

  private WriteLockRecord() {
  }

  static Optional<String> appliedCommit(Lease lease) {
    return Optional.ofNullable(annotation(lease, APPLIED_COMMIT)).filter(c -> !c.isEmpty());
  }

  static PendingWrites pending(Lease lease) {
    String json = annotation(lease, PENDING_WRITES);
    if (json == null || json.isBlank()) {
      return PendingWrites.NONE;
    }
    try {
      Map<?, ?> stored = Serialization.unmarshal(json, Map.class);
      @SuppressWarnings("unchecked")
      List<String> files = (List<String>) stored.get("files");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> deletions = (List<Map<String, Object>>) stored.get("deletions");
      return new PendingWrites(new LinkedHashSet<>(files == null ? List.of() : files),
          deletions == null ? List.of() : deletions);
    } catch (RuntimeException e) {
      log.warn("the pending writes stored on the write lock (annotation {}) cannot be read and are dropped: {}",
          PENDING_WRITES, e.getMessage());
      return PendingWrites.NONE;
    }
  }

  /** Writes what is not null into the Lease's annotations, to be stored with its next update. */
  static void store(Lease lease, String applied, PendingWrites pending) {
    if (lease.getMetadata().getAnnotations() == null) {
      lease.getMetadata().setAnnotations(new HashMap<>());
    }
    if (applied != null) {
      lease.getMetadata().getAnnotations().put(APPLIED_COMMIT, applied);
    }
    if (pending != null) {
      lease.getMetadata().getAnnotations().put(PENDING_WRITES, json(pending));
    }
  }

  private static String json(PendingWrites pending) {
    List<Map<String, Object>> deletions = pending.deletions().stream().map(WriteLockRecord::reference).toList();
    return Serialization.asJson(Map.of("files", List.copyOf(pending.files()), "deletions", deletions));
  }

  private static Map<String, Object> reference(Map<String, Object> object) {
    Map<?, ?> metadata = (Map<?, ?>) object.get("metadata");
    return Map.of("apiVersion", String.valueOf(object.get("apiVersion")), "kind", String.valueOf(object.get("kind")),
        "metadata", Map.of("name", String.valueOf(metadata.get("name")),
            "namespace", String.valueOf(metadata.get("namespace"))));
  }

  /** The console that waited and is to have the lock next; empty when none. */
  static String next(Lease lease) {
    String next = annotation(lease, NEXT);
    return next == null ? "" : next;
  }

  /** Names the console to have the lock next, or no one (empty). */
  static void next(Lease lease, String identity) {
    if (lease.getMetadata().getAnnotations() == null) {
      lease.getMetadata().setAnnotations(new HashMap<>());
    }
    if (identity.isEmpty()) {
      lease.getMetadata().getAnnotations().remove(NEXT);
    } else {
      lease.getMetadata().getAnnotations().put(NEXT, identity);
    }
  }

  private static String annotation(Lease lease, String key) {
    Map<String, String> annotations = lease.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
