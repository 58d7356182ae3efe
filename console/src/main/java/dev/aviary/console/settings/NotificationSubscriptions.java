package dev.aviary.console.settings;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aviary.console.notifications.NotificationService;
import dev.aviary.console.notifications.NotificationService.ActiveSubscription;

import java.util.List;

/**
 * Which notices go where, from the console's configuration and from annotations in Git, and the annotations that
 * are not in force with what is wrong with each, so a team that subscribed by a commit can see whether it took.
 */
class NotificationSubscriptions extends VerticalLayout {

  final Grid<ActiveSubscription> grid = new Grid<>();

  NotificationSubscriptions(NotificationService notifications) {
    setPadding(false);
    setId("notification-subscriptions");
    grid.setId("notification-subscriptions-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(r -> String.join(", ", r.subscription().events())).setHeader("Notices").setFlexGrow(2);
    grid.addColumn(r -> r.subscription().services().isEmpty() ? "all"
        : String.join(", ", r.subscription().services())).setHeader("Services").setFlexGrow(1);
    grid.addColumn(r -> String.join(", ", r.subscription().destinations())).setHeader("Sent to").setFlexGrow(1);
    grid.addColumn(ActiveSubscription::from).setHeader("From").setFlexGrow(2);
    grid.setAllRowsVisible(true);
    List<ActiveSubscription> subscriptions = notifications.subscriptions();
    if (subscriptions.isEmpty()) {
      Paragraph none = new Paragraph("No subscriptions: no notice goes anywhere.");
      none.setId("notification-subscriptions-none");
      add(none);
    } else {
      grid.setItems(subscriptions);
      add(grid);
    }
    List<String> problems = notifications.gitProblems();
    if (!problems.isEmpty()) {
      UnorderedList list = new UnorderedList(problems.stream().map(ListItem::new).toArray(ListItem[]::new));
      list.setId("notification-subscription-problems");
      add(new Paragraph("Not in force, from Git:"), list);
    }
  }
}
