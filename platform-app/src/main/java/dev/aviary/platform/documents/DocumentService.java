package dev.aviary.platform.documents;

import dev.aviary.platform.metrics.PlatformMetrics;
import dev.aviary.platform.processing.Chunk;
import dev.aviary.platform.processing.DocumentAnalyzer;
import dev.aviary.platform.processing.DocumentType;
import dev.aviary.platform.processing.TextExtractor;
import dev.aviary.platform.processing.UnreadableDocumentException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Accepts documents, queues their processing, and answers for their state and results. */
public class DocumentService {

  /** A submission's outcome: the document, and whether it was already known by its content. */
  public record Submission(Document document, boolean duplicate) {
  }

  private static final int MAX_PAGE_SIZE = 100;

  private final DocumentStore store;
  private final ProcessingQueue queue;
  private final DocumentAnalyzer analyzer;
  private final TextExtractor extractor;
  private final PlatformMetrics metrics;
  private final Clock clock;
  private final long maxBytes;

  DocumentService(DocumentStore store, ProcessingQueue queue, DocumentAnalyzer analyzer, TextExtractor extractor,
                  PlatformMetrics metrics, Clock clock, long maxBytes) {
    this.store = store;
    this.queue = queue;
    this.analyzer = analyzer;
    this.extractor = extractor;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public Submission submit(String name, String contentType, byte[] content) {
    DocumentType type = DocumentType.of(contentType)
        .orElseThrow(() -> DocumentErrors.unsupportedType(contentType, DocumentType.supported()));
    if (content.length == 0) {
      throw DocumentErrors.empty();
    }
    if (content.length > maxBytes) {
      throw DocumentErrors.tooLarge(content.length, maxBytes);
    }
    String hash = sha256(content);
    var known = store.byHash(hash);
    if (known.isPresent()) {
      return new Submission(known.get(), true);
    }
    if (type == DocumentType.PDF) {
      checkPdf(content);
    }
    Document document = new Document(UUID.randomUUID().toString(), name, type, content.length, hash,
        DocumentStatus.QUEUED, clock.instant(), null, null, null);
    store.put(document);
    if (!queue.offer(() -> process(document, content))) {
      store.put(document.failed("refused: the processing queue was full", clock.instant()));
      throw new DocumentErrors.QueueFull(queue.capacity(), 2);
    }
    return new Submission(document, false);
  }

  private void checkPdf(byte[] content) {
    try {
      extractor.checkPdf(content);
    } catch (UnreadableDocumentException e) {
      throw DocumentErrors.unreadable(e.getMessage());
    }
  }

  private void process(Document document, byte[] content) {
    store.put(document.withStatus(DocumentStatus.PROCESSING));
    try {
      store.put(document.done(analyzer.analyze(content, document.type()), clock.instant()));
      metrics.processed(document.type().mediaType());
    } catch (RuntimeException e) {
      store.put(document.failed(e.getMessage(), clock.instant()));
      metrics.failed(document.type().mediaType());
    }
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
