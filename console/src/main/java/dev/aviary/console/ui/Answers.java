package dev.aviary.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.function.SerializableConsumer;
import dev.aviary.console.Failures;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * Hands the answer of a background call to the UI it was asked from, through {@code ui.access}: the value to show,
 * or the failure to {@code onFailure} and then to the session's one error handler. Views never block on a future.
 */
public final class Answers {

  private Answers() {
  }

  public static <T> void deliver(UI ui, CompletableFuture<T> answer, SerializableConsumer<T> show,
                                 SerializableConsumer<Throwable> onFailure) {
    answer.whenComplete((value, error) -> ui.access(() -> {
      if (error == null) {
        show.accept(value);
      } else {
        Throwable cause = Failures.cause(error);
        onFailure.accept(cause);
        report(ui, cause);
      }
    }));
  }

  /** A failure to the session's error handler, which logs it and tells the person. */
  public static void report(UI ui, Throwable error) {
    ui.getSession().getErrorHandler().error(new ErrorEvent(Failures.cause(error)));
  }

  /**
   * For a view that asks again before an earlier answer arrived (a filter typed while a read runs): only the latest
   * request's answer is shown; earlier ones arriving late are dropped, failures included.
   */
  public static final class Latest implements Serializable {

    private int latest;

    /**
     * @param onFailure gets the failure's cause; unlike {@link Answers#deliver} the error handler is not called, so
     *                  a view that shows the failure in place stays quiet
     */
    public <T> void deliver(UI ui, CompletableFuture<T> answer, SerializableConsumer<T> show,
                            SerializableConsumer<Throwable> onFailure) {
      int request = ++latest;
      answer.whenComplete((value, error) -> ui.access(() -> {
        if (request != latest) {
          return;
        }
        if (error == null) {
          show.accept(value);
        } else {
          onFailure.accept(Failures.cause(error));
        }
      }));
    }
  }
}
