package dev.aviary.platform.processing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of document the service reads, by media type. */
public enum DocumentType {
  PLAIN_TEXT("text/plain"),
  MARKDOWN("text/markdown"),
  PDF("application/pdf");

  private final String mediaType;

  DocumentType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The type for a Content-Type header, ignoring parameters such as charset; empty when unsupported. */
  public static Optional<DocumentType> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String base = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (base.equals("text/x-markdown")) {
      return Optional.of(MARKDOWN);
    }
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(base)).findFirst();
  }

  public static String supported() {
    return String.join(", ", Arrays.stream(values()).map(DocumentType::mediaType).toList());
  }
}
