package dev.aviary.platform.documents;

import dev.aviary.platform.processing.Analysis;
import dev.aviary.platform.processing.DocumentType;

import java.time.Instant;

/**
 * A submitted document and, once processed, its analysis.
 *
 * @param contentHash SHA-256 of the bytes, hex; identical uploads are recognised by it
 * @param analysis    null until processing is done
 * @param error       why processing failed, null otherwise
 */
public record Document(String id, String name, DocumentType type, long sizeBytes, String contentHash,
                       DocumentStatus status, Instant submittedAt, Instant completedAt, Analysis analysis,
                       String error) {

  public Document withStatus(DocumentStatus next) {
    return new Document(id, name, type, sizeBytes, contentHash, next, submittedAt, completedAt, analysis, error);
  }

  public Document done(Analysis result, Instant at) {
    return new Document(id, name, type, sizeBytes, contentHash, DocumentStatus.DONE, submittedAt, at, result, null);
  }

  public Document failed(String reason, Instant at) {
    return new Document(id, name, type, sizeBytes, contentHash, DocumentStatus.FAILED, submittedAt, at, null, reason);
  }
}
