package dev.aviary.console.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aviary.console.Times;
import dev.aviary.console.notifications.LastDelivery;
import dev.aviary.console.notifications.NotificationService;
import dev.aviary.console.notifications.NotificationService.DestinationStatus;
import dev.aviary.console.ui.LiveUpdates;

import java.util.List;
import java.util.Optional;

/**
 * Where notices go: each destination by name and kind (never its URL path, key or password), its last delivery and
 * how it went, live; admins can send a test to one.
 */
class NotificationDestinations extends VerticalLayout {

  final Grid<DestinationStatus> grid = new Grid<>();

  NotificationDestinations(NotificationService notifications) {
    setPadding(false);
    setId("notification-destinations");
    Optional<String> refusal = notifications.testRefusal();
    grid.setId("notification-destinations-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(DestinationStatus::name).setHeader("Destination").setAutoWidth(true);
    grid.addColumn(DestinationStatus::kind).setHeader("Kind").setAutoWidth(true);
    grid.addColumn(DestinationStatus::target).setHeader("Sends to").setAutoWidth(true);
    grid.addColumn(d -> d.last().map(NotificationDestinations::describe).orElse("nothing sent yet"))
        .setHeader("Last delivery").setFlexGrow(3);
    grid.addColumn(DestinationStatus::waiting).setHeader("Waiting").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(d -> {
      Button test = new Button("Send a test", click -> {
        notifications.sendTest(d.name());
        Notification.show("Test notice queued for " + d.name() + "; its outcome shows here.");
      });
      test.setId("notification-test-" + d.name());
      test.addThemeVariants(ButtonVariant.LUMO_SMALL);
      test.setEnabled(refusal.isEmpty());
      refusal.ifPresent(test::setTooltipText);
      return test;
    }).setKey("test").setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    List<DestinationStatus> now = notifications.destinations();
    if (now.isEmpty()) {
      Paragraph none = new Paragraph("No destinations are configured: Aviary tells no one. docs/notifications.md "
          + "shows how to add a webhook, Slack, Teams or e-mail.");
      none.setId("notification-destinations-none");
      add(none);
    } else {
      add(grid);
      LiveUpdates.bind(grid, notifications::destinations, notifications::subscribe, grid::setItems);
    }
  }

  static String describe(LastDelivery last) {
    return Times.clock(last.at()) + " · " + last.event() + " · " + last.outcome().label()
        + (last.detail().isEmpty() ? "" : ": " + last.detail());
  }
}
