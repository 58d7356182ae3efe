package dev.aviary.console.services;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.ui.ChangeFeedback;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Scales one workload (a version's Deployment, a StatefulSet): replicas and an optional reason, committed as the
 * operator; scaling to 0 asks first.
 */
class ScaleDialog extends Dialog {

  final IntegerField replicas = new IntegerField("Replicas");
  final TextField reason = new TextField("Reason (optional, goes into the commit)");
  final Button scale = new Button("Scale");

  /** Sends the count and the reason; answers with the change once pushed. */
  interface Scaling {
    CompletableFuture<ChangeResult> scale(int replicas, String reason);
  }

  private final String what;
  private final Scaling scaling;

  /**
   * A small "Scale" button that opens the dialog {@code dialog} makes; disabled, saying why, for someone who may
   * not change anything.
   */
  static Button opener(ServiceOperations operations, String id, Supplier<ScaleDialog> dialog) {
    Button button = new Button("Scale", click -> dialog.get().open());
    button.setId(id);
    operations.changeRefusal().ifPresent(why -> {
      button.setEnabled(false);
      button.setTooltipText(why);
    });
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return button;
  }

  ScaleDialog(ServiceOperations operations, String what, int current, Optional<String> autoscaler, Scaling scaling) {
    this.what = what;
    this.scaling = scaling;
    setHeaderTitle("Scale " + what);
    setId("scale-dialog");
    replicas.setId("scale-replicas");
    replicas.setMin(0);
    replicas.setMax(operations.maxReplicas());
    replicas.setStepButtonsVisible(true);
    replicas.setValue(current);
    replicas.setHelperText("0 to " + operations.maxReplicas());
    reason.setId("scale-reason");
    reason.setWidthFull();
    VerticalLayout body = new VerticalLayout(replicas, reason);
    body.setPadding(false);
    autoscaler.ifPresent(hpa -> {
      Paragraph note = new Paragraph("Autoscaled by " + hpa + ". Aviary raises the autoscaler's minimum instead of "
          + "setting replicas, so the two never fight.");
      note.setId("scale-autoscaled");
      body.add(note);
    });
    add(body);
    scale.setId("scale-confirm");
    scale.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    scale.addClickListener(click -> confirmThenScale(operations));
    getFooter().add(new Button("Cancel", c -> close()), scale);
  }

  private void confirmThenScale(ServiceOperations operations) {
    Integer target = replicas.getValue();
    if (target == null || replicas.isInvalid()) {
      replicas.setInvalid(true);
      replicas.setErrorMessage("Enter a number from 0 to " + operations.maxReplicas());
      return;
    }
    if (target == 0) {
      ConfirmDialog confirm = new ConfirmDialog("Scale " + what + " to 0?",
          "It will serve nothing until scaled up again.", "Scale to 0", e -> submit(0));
      confirm.setCancelable(true);
      confirm.setConfirmButtonTheme("error primary");
      confirm.setId("scale-to-zero");
      confirm.open();
      return;
    }
    submit(target);
  }

  private void submit(int target) {
    scale.setEnabled(false);
    UI ui = UI.getCurrent();
    ChangeFeedback.report(ui, scaling.scale(target, reason.getValue()), result -> {
      scale.setEnabled(true);
      if (result != null) {
        close();
      }
    });
  }
}
