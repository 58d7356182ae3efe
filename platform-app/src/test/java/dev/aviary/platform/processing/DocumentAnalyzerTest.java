package dev.aviary.platform.processing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentAnalyzerTest {

  final DocumentAnalyzer analyzer = new DocumentAnalyzer(new TextExtractor(), 10, 3);

  static byte[] sample(String name) throws IOException {
    try (InputStream in = DocumentAnalyzerTest.class.getResourceAsStream("/samples/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void a_pdf_is_read_through_pdfbox_and_analysed() throws IOException {
    Analysis analysis = analyzer.analyze(sample("invoice-report.pdf"), DocumentType.PDF);

    assertThat(analysis.language()).isEqualTo("en");
    assertThat(analysis.wordCount()).isBetween(80, 100);
    assertThat(analysis.keywords().getFirst().term()).isEqualTo("invoices");
    assertThat(analysis.chunks().getFirst().text()).startsWith("Quarterly Report on Invoice Processing");
  }

  @Test
  void markdown_loses_its_markup_but_keeps_its_words() throws IOException {
    Analysis analysis = analyzer.analyze(sample("release-notes.md"), DocumentType.MARKDOWN);
    String text = String.join(" ", analysis.chunks().stream().map(Chunk::text).toList());

    assertThat(text).contains("Release notes: document pipeline 2.4", "chunking guide", "pipeline diagram")
        .doesNotContain("**", "](", "```", "# ", "> Upgrading");
    assertThat(analysis.language()).isEqualTo("en");
    assertThat(analysis.keywords()).extracting(Keyword::term).contains("pipeline", "documents");
  }

  @Test
  void german_text_is_recognised_as_german() throws IOException {
    Analysis analysis = analyzer.analyze(sample("contract.txt"), DocumentType.PLAIN_TEXT);

    assertThat(analysis.language()).isEqualTo("de");
    assertThat(analysis.keywords()).extracting(Keyword::term).contains("dokumente", "verarbeitung");
  }

  @Test
  void chunks_overlap_by_the_configured_number_of_words_and_cover_every_word() {
    String text = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> "w" + i).toList());
    Analysis analysis = analyzer.analyze(text.getBytes(StandardCharsets.UTF_8), DocumentType.PLAIN_TEXT);

    assertThat(analysis.wordCount()).isEqualTo(25);
    assertThat(analysis.chunks()).extracting(Chunk::firstWord).containsExactly(0, 7, 14, 21);
    assertThat(analysis.chunks().get(1).text()).startsWith("w8 w9 w10");
    assertThat(analysis.chunks().getLast().text()).endsWith("w25");
    assertThat(analysis.chunks().getLast().words()).isEqualTo(4);
  }

  @Test
  void too_little_text_is_undetermined_rather_than_guessed() {
    Analysis analysis = analyzer.analyze("Kubernetes Prometheus Grafana".getBytes(StandardCharsets.UTF_8),
        DocumentType.PLAIN_TEXT);
    assertThat(analysis.language()).isEqualTo("und");
  }

  @Test
  void a_corrupt_pdf_and_text_that_is_not_utf8_are_unreadable() throws IOException {
    byte[] corrupt = sample("corrupt.pdf");
    assertThatThrownBy(() -> new TextExtractor().checkPdf(corrupt)).isInstanceOf(UnreadableDocumentException.class)
        .hasMessageStartingWith("not a readable PDF");
    assertThatThrownBy(() -> analyzer.analyze(new byte[] {(byte) 0xc3, (byte) 0x28}, DocumentType.PLAIN_TEXT))
        .hasMessage("text is not valid UTF-8");
  }
}
