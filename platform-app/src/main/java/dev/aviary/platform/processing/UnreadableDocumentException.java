package dev.aviary.platform.processing;

/** The bytes claim a type they are not: a corrupt or encrypted PDF, text that is not UTF-8. */
public class UnreadableDocumentException extends RuntimeException {

  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
