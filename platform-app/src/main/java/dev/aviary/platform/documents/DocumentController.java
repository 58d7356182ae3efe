package dev.aviary.platform.documents;

import dev.aviary.platform.processing.Chunk;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/documents}: submit a document as the request body with its Content-Type, then poll it. A new
 * document is 202 Accepted with its Location; one with the same content as a known document is 200 with that one.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {

  /** A page of documents, newest first. */
  record Page(int page, int size, int total, List<Document> items) {
  }

  private final DocumentService documents;

  DocumentController(DocumentService documents) {
    this.documents = documents;
  }

  @PostMapping
  ResponseEntity<Document> submit(HttpServletRequest request,
                                  @RequestHeader(value = "X-Document-Name", required = false) String name)
      throws IOException {
    long limit = documents.maxBytes();
    if (request.getContentLengthLong() > limit) {
      throw DocumentErrors.tooLarge(request.getContentLengthLong(), limit);
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      throw DocumentErrors.tooLarge(-1, limit);
    }
    DocumentService.Submission submission = documents.submit(name == null ? "untitled" : name,
        request.getContentType(), body);
    Document document = submission.document();
    URI location = URI.create("/api/v1/documents/" + document.id());
    return submission.duplicate()
        ? ResponseEntity.ok().location(location).header("X-Duplicate-Of", document.id()).body(document)
        : ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(document);
  }

  @GetMapping("/{id}")
  Document get(@PathVariable String id) {
    return documents.get(id);
  }

  @GetMapping("/{id}/chunks")
  List<Chunk> chunks(@PathVariable String id) {
    return documents.chunks(id);
  }

  @GetMapping
  Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return new Page(page, size, documents.total(), documents.page(page, size));
  }
}
