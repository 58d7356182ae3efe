package dev.aviary.console.settings;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.data.provider.ListDataProvider;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.KaribuBase;
import dev.aviary.console.SignedIn;
import dev.aviary.console.notifications.NotificationService;
import dev.aviary.console.notifications.NotificationService.ActiveSubscription;
import dev.aviary.console.notifications.NotificationService.DestinationStatus;
import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import dev.aviary.sandbox.signin.DemoUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Settings page's notification destinations: no secrets shown, last delivery live, a test for admins. */
class SettingsNotificationsViewTest extends KaribuBase {

  static final WebhookReceiver RECEIVER = WebhookReceiver.answering(200);
  private static final Path DATA = newDataDirectory("aviary-settings-");
  @Autowired
  ApplicationContext context;
  @Autowired
  NotificationService notifications;

  @DynamicPropertySource
  static void destinations(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", DATA::toString);
    registry.add("aviary.notifications.destinations.oncall.kind", () -> "webhook");
    registry.add("aviary.notifications.destinations.oncall.url",
        () -> RECEIVER.url("/hooks/SECRET-PATH").toString());
    registry.add("aviary.notifications.destinations.oncall.signing-key", () -> "settings-key");
    registry.add("aviary.notifications.subscriptions[0].events", () -> "release-*");
    registry.add("aviary.notifications.subscriptions[0].destinations", () -> "oncall");
    registry.add("aviary.git.poll-interval", () -> "1s");
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Override
  protected DemoUser user() {
    return SignedIn.demo("admin");
  }

  @Test
  void an_admin_sees_each_destination_without_its_secrets_and_a_test_shows_as_its_last_delivery() {
    UI.getCurrent().navigate("settings");
    Grid<DestinationStatus> grid = grid();
    DestinationStatus oncall = rows(grid).getFirst();
    assertThat(oncall.name()).isEqualTo("oncall");
    assertThat(oncall.kind()).isEqualTo("webhook");
    assertThat(oncall.target()).isEqualTo("webhook to 127.0.0.1").doesNotContain("SECRET");

    _click(testButton(grid));

    eventually(() -> assertThat(rows(grid).getFirst().last()).hasValueSatisfying(last -> {
      assertThat(last.event()).isEqualTo("test");
      assertThat(last.outcome().label()).isEqualTo("delivered");
    }));
    assertThat(RECEIVER.received()).singleElement().satisfies(r -> {
      assertThat(r.header(WebhookBody.EVENT_HEADER)).isEqualTo("test");
      assertThat(r.header(WebhookBody.SIGNATURE_HEADER)).isEqualTo(WebhookBody.signature("settings-key", r.body()));
      assertThat(r.text()).contains("Ada Admin");
    });
  }

  @Test
  void a_viewer_sees_the_destinations_but_cannot_send_a_test() {
    MockVaadin.tearDown();
    SignedIn.as(SignedIn.demo("viewer"));
    MockVaadin.setup(UI::new, new MockSpringServlet(routes(), context, UI::new));
    UI.getCurrent().navigate("settings");

    assertThat(rows(grid())).extracting(DestinationStatus::name).containsExactly("oncall");
    assertThat(testButton(grid()).isEnabled()).isFalse();
  }

  @Test
  void subscriptions_made_by_a_commit_show_beside_the_configured_ones_and_a_wrong_one_says_what_is_wrong(
      @TempDir Path clone) {
    GitCli.pushFromOutside(Path.of(URI.create(sandbox.gitUrl())), clone, "document-processor: tell on-call",
        copy -> {
          Path service = copy.resolve("base/document-processor/service.yaml");
          Files.writeString(service, Files.readString(service).replaceFirst("metadata:\n", """
              metadata:
                annotations:
                  notifications.aviary.dev/oncall: "service-degraded, service-recovered"
                  notifications.aviary.dev/pager: "service-*"
              """));
        });
    await().atMost(Duration.ofSeconds(30)).until(() -> notifications.subscriptions().size() == 2);

    UI.getCurrent().navigate("settings");

    @SuppressWarnings("unchecked")
    Grid<ActiveSubscription> grid = _get(Grid.class, spec -> spec.withId("notification-subscriptions-grid"));
    assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("release-*", "all", "oncall",
        "console configuration");
    assertThat(GridKt._getFormattedRow(grid, 1)).containsExactly("service-degraded, service-recovered",
        "document-processor", "oncall", "Git: base/document-processor/service.yaml");
    assertThat(_get(UnorderedList.class, spec -> spec.withId("notification-subscription-problems")).getElement()
        .getTextRecursively()).isEqualTo("base/document-processor/service.yaml (Service document-processor), "
        + "annotation notifications.aviary.dev/pager: no destination 'pager' is configured under "
        + "aviary.notifications.destinations");
  }

  private static Button testButton(Grid<DestinationStatus> grid) {
    return (Button) GridKt._getCellComponent(grid, 0, "test");
  }

  @SuppressWarnings("unchecked")
  private static Grid<DestinationStatus> grid() {
    return _get(Grid.class, spec -> spec.withId("notification-destinations-grid"));
  }

  private static List<DestinationStatus> rows(Grid<DestinationStatus> grid) {
    MockVaadin.runUIQueue();
    return List.copyOf(((ListDataProvider<DestinationStatus>) grid.getDataProvider()).getItems());
  }
}
