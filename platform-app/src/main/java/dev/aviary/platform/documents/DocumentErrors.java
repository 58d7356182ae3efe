package dev.aviary.platform.documents;

import org.springframework.http.HttpStatus;

/** Every refusal of the documents API, each with the status it is answered with. */
public final class DocumentErrors {

  private DocumentErrors() {
  }

  /** A request the API refuses; the message is the problem's detail. */
  public static class Refused extends RuntimeException {
    private final HttpStatus status;
    private final String title;

    Refused(HttpStatus status, String title, String detail) {
      super(detail);
      this.status = status;
      this.title = title;
    }

    public HttpStatus status() {
      return status;
    }

    public String title() {
      return title;
    }
  }

  static Refused empty() {
    return new Refused(HttpStatus.BAD_REQUEST, "Empty document", "the request body is empty");
  }

  static Refused unsupportedType(String contentType, String supported) {
    return new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported document type",
        "Content-Type " + (contentType == null ? "(missing)" : "'" + contentType + "'") + " is not supported; use one of "
            + supported);
  }

  static Refused tooLarge(long size, long limit) {
    return new Refused(HttpStatus.CONTENT_TOO_LARGE, "Document too large",
        "the document is " + (size < 0 ? "over" : size + " bytes, over") + " the limit of " + limit + " bytes");
  }

  static Refused unreadable(String why) {
    return new Refused(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable document", why);
  }

  static Refused notFound(String id) {
    return new Refused(HttpStatus.NOT_FOUND, "No such document", "no document with id '" + id + "'");
  }

  static Refused badPage(String why) {
    return new Refused(HttpStatus.BAD_REQUEST, "Bad page request", why);
  }

  /** A refusal the client should retry after {@link #retryAfterSeconds()}: it says nothing against the request. */
  public abstract static class RetryLater extends Refused {
    private final int retryAfterSeconds;

    RetryLater(HttpStatus status, String title, String detail, int retryAfterSeconds) {
      super(status, title, detail);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The processing queue is full. */
  public static final class QueueFull extends RetryLater {
    public QueueFull(int capacity, int retryAfterSeconds) {
      super(HttpStatus.TOO_MANY_REQUESTS, "Processing queue full",
          "all " + capacity + " queue places are taken; retry later", retryAfterSeconds);
    }
  }

  /** A store (PostgreSQL, Redis) could not be reached; nothing of the request was kept. */
  public static final class StoreUnavailable extends RetryLater {
    public StoreUnavailable(String store, String operation, Throwable cause) {
      super(HttpStatus.SERVICE_UNAVAILABLE, store + " unavailable",
          store + " could not be reached for '" + operation + "' (" + rootMessage(cause) + "); retry later", 5);
      initCause(cause);
    }
  }

  /** The innermost cause's message: the one that says what happened ("Connection refused"). */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
