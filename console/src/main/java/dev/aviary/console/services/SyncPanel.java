package dev.aviary.console.services;

import dev.aviary.console.Times;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.aviary.console.gitops.SyncStatus;
import dev.aviary.console.ui.Answers;
import dev.aviary.console.ui.GitUpdates;


/**
 * Git against the cluster, per service: Synced, or OutOfSync with each differing field, and a Sync button that
 * re-applies Git's state. Checked when the page opens and again whenever the cluster changes.
 */
class SyncPanel extends Div {


  private final ServiceOperations operations;
  private final Div services = new Div();
  private final Paragraph checked = new Paragraph("Comparing Git with the cluster…");
  private boolean checking;
  private boolean recheck;

  SyncPanel(ServiceOperations operations) {
    this.operations = operations;
    setId("sync-panel");
    addClassName("aviary-sync");
    checked.setId("sync-checked");
    Button now = new Button("Check now", e -> check());
    now.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    add(new H3("Git and cluster"), checked, now, services);
    GitUpdates.bind(this, operations.changes(), change -> check());
  }

  /** Compares again; a request while a comparison runs is remembered and run right after it. */
  void check() {
    if (checking) {
      recheck = true;
      return;
    }
    checking = true;
    UI ui = UI.getCurrent();
    Answers.deliver(ui, operations.syncStatus(), status -> {
      show(status);
      comparisonEnded();
    }, error -> {
      checked.setText("Could not compare Git with the cluster.");
      comparisonEnded();
    });
  }

  /** A comparison ended: the next one may start, and starts now if one was asked for meanwhile. */
  private void comparisonEnded() {
    checking = false;
    if (recheck) {
      recheck = false;
      check();
    }
  }

  private void show(SyncStatus status) {
    checked.setText("Compared Git " + status.commit().substring(0, 8) + " with the cluster at "
        + Times.clock(status.checkedAt()) + ".");
    services.removeAll();
    for (SyncStatus.Service service : status.services()) {
      Span badge = new Span(service.synced() ? "Synced" : "OutOfSync");
      badge.setId("sync-" + service.name());
      badge.getElement().getThemeList().add(service.synced() ? "badge success" : "badge error");
      Div row = new Div(new Span(service.name() + " "), badge);
      row.addClassName("aviary-sync-row");
      if (!service.synced()) {
        UnorderedList drifts = new UnorderedList();
        drifts.setId("drift-" + service.name());
        service.drifts().forEach(d -> drifts.add(new ListItem(d.describe())));
        Button sync = new Button("Sync", e -> sync(service.name(), e.getSource()));
        sync.setId("sync-button-" + service.name());
        operations.changeRefusal().ifPresent(why -> {
          sync.setEnabled(false);
          sync.setTooltipText(why);
        });
        sync.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        row.add(sync, drifts);
      }
      services.add(row);
    }
  }

  private void sync(String service, Button button) {
    button.setEnabled(false);
    UI ui = UI.getCurrent();
    Answers.deliver(ui, operations.sync(service), applied -> check(), error -> button.setEnabled(true));
  }
}
