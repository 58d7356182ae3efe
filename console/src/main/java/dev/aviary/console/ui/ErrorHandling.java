package dev.aviary.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.aviary.console.Failures;
import dev.aviary.console.cluster.ClusterWriter.ClusterWriteException;
import dev.aviary.console.gitops.InvalidChangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place errors in the UI end up: shown to the operator with the message the service gave; logged at ERROR
 * with their cause when something failed, at INFO in one line when the person's request was refused. Views do not catch; services throw exceptions whose messages say what and where.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
      Throwable cause = Failures.cause(error.getThrowable());
      if (refusal(cause)) {
        // The person's request did not fit (or their role does not allow it): they are told below, the audit log
        // has it; one line, because nothing in the console failed.
        log.info("Refused: {}", cause.getMessage());
      } else if (cause instanceof ClusterWriteException write) {
        // The cluster answered (or could not be reached): its words say it all; nothing in the console failed.
        log.warn("{}", write.getMessage());
      } else {
        log.error("UI error", cause);
      }
      UI ui = UI.getCurrent();
      if (ui != null) {
        ui.access(() -> {
          Notification n = Notification.show(message(cause), 8000, Notification.Position.BOTTOM_END);
          n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
      }
    }));
  }

  /** A change refused before anything happened, or an action the role does not allow: the user's, not a fault. */
  static boolean refusal(Throwable cause) {
    return cause instanceof InvalidChangeException || cause instanceof AccessDeniedException;
  }

  static String message(Throwable t) {
    Throwable root = Failures.cause(t);
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
