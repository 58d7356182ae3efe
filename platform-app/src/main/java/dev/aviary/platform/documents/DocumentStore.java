package dev.aviary.platform.documents;

import java.util.List;
import java.util.Optional;

/**
 * Where documents, their status and analysis are kept: in this process (the default) or in PostgreSQL. A new
 * document's content waits here for a worker, so that any instance can process a document another one accepted.
 * A store that cannot be reached throws {@link DocumentErrors.StoreUnavailable}.
 */
public interface DocumentStore {

  /**
   * A document taken for processing by one worker, with its content.
   *
   * @param traceParent the trace of the request that submitted it (W3C {@code traceparent}), null when not traced
   */
  record Claim(Document document, byte[] content, String traceParent) {
  }

  /** Adds a new, QUEUED document with the content its worker will read and the trace its processing continues. */
  void add(Document document, byte[] content, String traceParent);

  /**
   * Takes a QUEUED document for processing: marks it PROCESSING and hands out its content. Empty when the document
   * is gone or no longer QUEUED (another worker took it), so a document queued twice is still processed once.
   */
  Optional<Claim> claim(String id);

  /** Records a document's end state, DONE or FAILED; its content is not kept after that. */
  void finish(Document document);

  Optional<Document> get(String id);

  /** Newest first. */
  List<Document> page(int page, int size);

  int size();

  /** Why the store cannot serve now, for readiness; empty when it can. */
  Optional<String> problem();
}
