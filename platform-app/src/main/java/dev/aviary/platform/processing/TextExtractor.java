package dev.aviary.platform.processing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Plain text out of a document: UTF-8 as it is, Markdown without its markup, PDF through PDFBox. */
public final class TextExtractor {

  private static final Pattern FENCE = Pattern.compile("(?m)^\\s*(```|~~~).*$");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
  private static final Pattern QUOTE_OR_LIST = Pattern.compile("(?m)^\\s*(>+|[-*+]|\\d+[.)])\\s+");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`|~~)");
  private static final Pattern HTML = Pattern.compile("<[^>]+>");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");

  public String extract(byte[] content, DocumentType type) {
    return switch (type) {
      case PLAIN_TEXT -> utf8(content);
      case MARKDOWN -> stripMarkdown(utf8(content));
      case PDF -> pdf(content);
    };
  }

  /** Opens a PDF without extracting it, to refuse a corrupt one before it is queued. */
  public void checkPdf(byte[] content) {
    try (PDDocument ignored = Loader.loadPDF(content)) {
      // loading parses the cross-reference table and trailer: enough to know it is a PDF we can read
    } catch (IOException e) {
      throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
    }
  }

  private static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableDocumentException("text is not valid UTF-8", e);
    }
  }

  static String stripMarkdown(String markdown) {
    String text = FENCE.matcher(markdown).replaceAll("");
    text = IMAGE.matcher(text).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1");
    text = RULE.matcher(text).replaceAll("");
    text = HEADING.matcher(text).replaceAll("");
    text = QUOTE_OR_LIST.matcher(text).replaceAll("");
    text = HTML.matcher(text).replaceAll(" ");
    return EMPHASIS.matcher(text).replaceAll("");
  }

  private static String pdf(byte[] content) {
    try (PDDocument document = Loader.loadPDF(content)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UnreadableDocumentException("not a readable PDF: " + e.getMessage(), e);
    }
  }
}
