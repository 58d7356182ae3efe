package dev.aviary.platform.documents;

import dev.aviary.platform.metrics.PlatformMetrics;
import dev.aviary.platform.processing.Analysis;
import dev.aviary.platform.processing.Chunk;
import dev.aviary.platform.processing.DocumentAnalyzer;
import dev.aviary.platform.processing.DocumentType;
import dev.aviary.platform.processing.TextExtractor;
import dev.aviary.platform.processing.UnreadableDocumentException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accepts documents, queues their processing, and answers for their state and results. */
public class DocumentService {

  /** A submission's outcome: the document, and whether it was already known by its content. */
  public record Submission(Document document, boolean duplicate) {
  }

  private static final int MAX_PAGE_SIZE = 100;
  private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

  private final DocumentStore store;
  private final DuplicateIndex duplicates;
  private final WorkQueue queue;
  private final DocumentAnalyzer analyzer;
  private final TextExtractor extractor;
  private final PlatformMetrics metrics;
  private final Tracing tracing;
  private final Clock clock;
  private final long maxBytes;

  DocumentService(DocumentStore store, DuplicateIndex duplicates, WorkQueue queue, DocumentAnalyzer analyzer,
                  TextExtractor extractor, PlatformMetrics metrics, Tracing tracing, Clock clock, long maxBytes) {
    this.store = store;
    this.duplicates = duplicates;
    this.queue = queue;
    this.analyzer = analyzer;
    this.extractor = extractor;
    this.metrics = metrics;
    this.tracing = tracing;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Stores a new document and queues it, or answers with the known one of the same content. Nothing is half-kept:
   * a document the store refuses releases its content hash, and one the queue refuses is recorded as FAILED, so the
   * same content may be submitted again.
   */
  public Submission submit(String name, String contentType, byte[] content) {
    DocumentType type = DocumentType.of(contentType)
        .orElseThrow(() -> DocumentErrors.unsupportedType(contentType, DocumentType.supported()));
    if (content.length == 0) {
      throw DocumentErrors.empty();
    }
    if (content.length > maxBytes) {
      throw DocumentErrors.tooLarge(content.length, maxBytes);
    }
    if (type == DocumentType.PDF) {
      checkPdf(content);
    }
    String hash = sha256(content);
    String id = UUID.randomUUID().toString();
    var known = knownWith(hash, id);
    if (known.isPresent()) {
      return new Submission(known.get(), true);
    }
    Document document = new Document(id, name, type, content.length, hash, DocumentStatus.QUEUED, clock.instant(),
        null, null, null);
    try {
      store.add(document, content, tracing.traceParent());
    } catch (RuntimeException e) {
      try {
        duplicates.release(hash, id);
      } catch (RuntimeException notReleased) {
        e.addSuppressed(notReleased);
      }
      throw e;
    }
    enqueue(document);
    return new Submission(document, false);
  }

  /** The earlier document with this content, unless it failed (a failed one may be retried) or is gone. */
  private Optional<Document> knownWith(String hash, String id) {
    var holder = duplicates.claim(hash, id);
    if (holder.isEmpty()) {
      return Optional.empty();
    }
    var earlier = store.get(holder.get()).filter(d -> d.status() != DocumentStatus.FAILED);
    if (earlier.isEmpty()) {
      duplicates.replace(hash, id);
    }
    return earlier;
  }

  private void enqueue(Document document) {
    try {
      queue.offer(document.id());
    } catch (DocumentErrors.RetryLater e) {
      String why = e instanceof DocumentErrors.QueueFull ? "the processing queue was full"
          : "the processing queue could not be reached";
      try {
        store.finish(document.failed("refused: " + why, clock.instant()));
      } catch (RuntimeException notRecorded) {
        e.addSuppressed(notRecorded);
      }
      throw e;
    }
  }

  private void checkPdf(byte[] content) {
    try {
      extractor.checkPdf(content);
    } catch (UnreadableDocumentException e) {
      throw DocumentErrors.unreadable(e.getMessage());
    }
  }

  /**
   * One worker's turn with a queued id, in a span that continues the submitting request's trace. A document another
   * worker took is skipped. When the store fails while the result is recorded, the document stays PROCESSING and is
   * queued again later (see the stores' sweeper).
   */
  void process(String id) {
    store.claim(id).ifPresent(claim -> tracing.trace("process document", claim.traceParent(), () -> {
      processClaimed(claim);
      return null;
    }));
  }

  private void processClaimed(DocumentStore.Claim claim) {
    Document document = claim.document();
    Analysis analysis;
    try {
      String text = tracing.step("extract text", () -> extractor.extract(claim.content(), document.type()));
      analysis = tracing.step("analyze text", () -> analyzer.analyzeText(text));
    } catch (RuntimeException e) {
      store.finish(document.failed(e.getMessage(), clock.instant()));
      metrics.failed(document.type().mediaType());
      log.debug("Document {} failed: {}", document.id(), e.getMessage());
      return;
    }
    store.finish(document.done(analysis, clock.instant()));
    metrics.processed(document.type().mediaType());
    log.debug("Document {} processed: {} words, {} chunks", document.id(), analysis.wordCount(),
        analysis.chunks().size());
  }

  public Document get(String id) {
    return store.get(id).orElseThrow(() -> DocumentErrors.notFound(id));
  }

  public List<Chunk> chunks(String id) {
    Document document = get(id);
    if (document.status() != DocumentStatus.DONE) {
      throw new DocumentErrors.Refused(org.springframework.http.HttpStatus.CONFLICT, "Not processed yet",
          "document '" + id + "' is " + document.status() + "; chunks exist once it is DONE");
    }
    return document.analysis().chunks();
  }

  public List<Document> page(int page, int size) {
    if (page < 0) {
      throw DocumentErrors.badPage("page must be 0 or more, got " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw DocumentErrors.badPage("size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
    }
    return store.page(page, size);
  }

  public int total() {
    return store.size();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
