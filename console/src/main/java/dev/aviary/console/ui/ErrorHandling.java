package dev.aviary.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place errors in the UI end up: logged with their cause, shown to the operator with the message the
 * service gave. Views do not catch; services throw exceptions whose messages say what and where.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
      Throwable cause = error.getThrowable();
      if (cause instanceof AccessDeniedException) {
        // Already in the audit log; the person is told below. Not a fault of the console.
        log.info("Refused: {}", cause.getMessage());
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

  static String message(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
