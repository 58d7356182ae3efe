package dev.aviary.console.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableConsumer;
import dev.aviary.console.gitops.ChangeResult;

import java.util.concurrent.CompletableFuture;

/**
 * Tells the operator how a change they made ended, once it has: the commit on success, a warning when the cluster
 * has not taken it yet, and failures through the session's one error handler, like any other UI error.
 */
public final class ChangeFeedback {

  private ChangeFeedback() {
  }

  /** Reports the change's end on the UI, then runs {@code after} there (e.g. re-enabling a control). */
  public static void report(UI ui, CompletableFuture<ChangeResult> change, SerializableConsumer<ChangeResult> after) {
    Answers.deliver(ui, change, result -> {
      show(result);
      after.accept(result);
    }, failure -> after.accept(null));
  }

  private static void show(ChangeResult result) {
    switch (result.state()) {
      case APPLIED -> notify("Committed " + result.shortCommit() + " and applied: " + result.summary(),
          NotificationVariant.LUMO_SUCCESS);
      case COMMITTED_NOT_APPLIED -> notify("Committed " + result.shortCommit() + " but the cluster has not taken it "
          + "yet (" + result.detail() + "); Aviary keeps re-applying it.", NotificationVariant.LUMO_WARNING);
      case NO_CHANGE -> notify("Nothing to change: Git already holds that (" + result.summary() + ").",
          NotificationVariant.LUMO_CONTRAST);
    }
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification notification = Notification.show(text, 6000, Notification.Position.BOTTOM_END);
    notification.addThemeVariants(variant);
    notification.setId("change-feedback");
  }
}
