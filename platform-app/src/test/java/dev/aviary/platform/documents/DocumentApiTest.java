package dev.aviary.platform.documents;

import dev.aviary.platform.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.max-document-size=4KB", "platform.warmup=0s", "platform.version=v7"})
class DocumentApiTest {

  @LocalServerPort
  int port;
  Http http;

  @BeforeEach
  void client() {
    http = new Http("http://localhost:" + port);
  }

  static byte[] sample(String name) throws IOException {
    try (InputStream in = DocumentApiTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    }
  }

  JsonNode processed(Http.Response accepted) {
    String location = accepted.header("Location");
    await().atMost(Duration.ofSeconds(10)).until(() -> !http.get(location).json().path("status").asString()
        .matches("QUEUED|PROCESSING"));
    return http.get(location).json();
  }

  @Test
  void a_text_document_is_accepted_processed_and_its_chunks_served() {
    Http.Response accepted = http.post("/api/v1/documents", "text/plain; charset=utf-8",
        ("A unique note about canary analysis and golden signals. " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).startsWith("/api/v1/documents/");
    JsonNode done = processed(accepted);
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("contentHash").asString()).hasSize(64);
    assertThat(done.path("analysis").path("wordCount").asInt()).as("nine words and the nonce").isEqualTo(10);

    Http.Response chunks = http.get(accepted.header("Location") + "/chunks");
    assertThat(chunks.status()).isEqualTo(200);
    assertThat(chunks.json().get(0).path("text").asString()).startsWith("A unique note");
  }

  @Test
  void the_sample_pdf_and_markdown_are_processed_with_their_language_and_keywords() throws IOException {
    JsonNode pdf = processed(http.post("/api/v1/documents", "application/pdf", sample("invoice-report.pdf")));
    assertThat(pdf.path("status").asString()).isEqualTo("DONE");
    assertThat(pdf.path("analysis").path("language").asString()).isEqualTo("en");
    assertThat(pdf.path("analysis").path("keywords").get(0).path("term").asString()).isEqualTo("invoices");

    JsonNode markdown = processed(http.post("/api/v1/documents", "text/markdown", sample("release-notes.md")));
    assertThat(markdown.path("analysis").path("language").asString()).isEqualTo("en");

    JsonNode german = processed(http.post("/api/v1/documents", "text/plain", sample("contract.txt")));
    assertThat(german.path("analysis").path("language").asString()).isEqualTo("de");
  }

  @Test
  void the_same_content_twice_is_recognised_by_its_hash() {
    byte[] content = ("duplicate me " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    Http.Response first = http.post("/api/v1/documents", "text/plain", content);
    Http.Response second = http.post("/api/v1/documents", "text/plain", content);

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.header("X-Duplicate-Of")).isEqualTo(first.json().path("id").asString());
  }

  @Test
  void documents_are_listed_newest_first_in_pages() {
    http.post("/api/v1/documents", "text/plain", ("first " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    Http.Response newest = http.post("/api/v1/documents", "text/plain",
        ("second " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));

    JsonNode page = http.get("/api/v1/documents?page=0&size=1").json();
    assertThat(page.path("items")).hasSize(1);
    assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(newest.json().path("id").asString());
    assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void an_empty_body_is_400() {
    assertProblem(http.post("/api/v1/documents", "text/plain", new byte[0]), 400, "the request body is empty");
  }

  @Test
  void an_unsupported_or_missing_type_is_415_naming_the_supported_ones() {
    assertProblem(http.post("/api/v1/documents", "image/png", new byte[] {1, 2, 3}), 415,
        "Content-Type 'image/png' is not supported; use one of text/plain, text/markdown, application/pdf");
    assertProblem(http.post("/api/v1/documents", null, new byte[] {1, 2, 3}), 415, "Content-Type (missing)");
  }

  @Test
  void a_document_over_the_size_limit_is_413() {
    assertProblem(http.post("/api/v1/documents", "text/plain", "x".repeat(5000).getBytes(StandardCharsets.UTF_8)),
        413, "over the limit of 4096 bytes");
  }

  @Test
  void a_corrupt_pdf_is_422_and_never_queued() throws IOException {
    assertProblem(http.post("/api/v1/documents", "application/pdf", sample("corrupt.pdf")), 422,
        "not a readable PDF");
  }

  @Test
  void text_that_is_not_utf8_fails_processing_with_the_reason() {
    JsonNode failed = processed(http.post("/api/v1/documents", "text/plain",
        new byte[] {'o', 'k', (byte) 0xc3, (byte) 0x28, (byte) (System.nanoTime() & 0x7f)}));
    assertThat(failed.path("status").asString()).isEqualTo("FAILED");
    assertThat(failed.path("error").asString()).isEqualTo("text is not valid UTF-8");
  }

  @Test
  void unknown_documents_and_bad_pages_are_problems_too() {
    assertProblem(http.get("/api/v1/documents/nope"), 404, "no document with id 'nope'");
    assertProblem(http.get("/api/v1/documents?size=1000"), 400, "size must be between 1 and 100, got 1000");
    assertProblem(http.get("/api/v1/documents?page=abc"), 400, "parameter 'page' must be a int, got 'abc'");
  }

  @Test
  void info_shows_the_version_and_that_no_faults_are_injected() {
    JsonNode info = http.get("/info").json();
    assertThat(info.path("version").asString()).isEqualTo("v7");
    assertThat(info.path("faults").path("errorRate").asDouble()).isZero();
  }

  static void assertProblem(Http.Response response, int status, String detail) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.json().path("detail").asString()).contains(detail);
  }
}
