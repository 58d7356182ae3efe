package dev.aviary.console.journey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.aviary.console.ConsoleCluster;
import dev.aviary.console.StickyProxy;
import dev.aviary.console.access.SignInProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.aviary.console.journey.JourneyTest.fillLoginForm;
import static dev.aviary.console.journey.JourneyTest.startingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consoles behind an ingress with cookie affinity: a browser signed in on one goes on working on the other when
 * the first shuts down (a rolling upgrade, a drain), signed in again through the provider's session, never shown the
 * login form a second time.
 */
class FailoverJourneyTest {

  @TempDir
  Path dir;

  @Test
  void a_browser_signed_in_on_one_console_goes_on_on_the_other_when_it_stops_without_a_login_form() {
    try (ConsoleCluster cluster = ConsoleCluster.sandbox(dir); Chromium chromium = Chromium.launch()) {
      ConfigurableApplicationContext a = console(cluster, "console-a");
      ConfigurableApplicationContext b = console(cluster, "console-b");
      Map<String, Integer> consoles = new LinkedHashMap<>();
      consoles.put("console-a", port(a));
      consoles.put("console-b", port(b));
      try (StickyProxy ingress = new StickyProxy(consoles)) {
        cluster.provider().registerConsole(ingress.url(), SignInProvider.REGISTRATION_ID);
        BrowserContext browser = chromium.browser.newContext();
        Page page = browser.newPage();
        List<String> loginForms = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
          if (request.isNavigationRequest() && request.method().equals("GET")
              && request.url().startsWith(cluster.provider().issuer() + "/login")) {
            loginForms.add(request.url());
          }
        });

        page.navigate(ingress.url() + "/");
        fillLoginForm(page, "operator");
        assertThat(page).hasURL(startingWith(ingress.url() + "/"));
        assertThat(page.locator("#overview-grid")).isVisible();
        assertThat(route(browser)).isEqualTo("console-a");
        assertThat(loginForms).hasSize(1);

        page.evaluate("() => window.servedByConsoleA = true");
        a.close();
        // The click reaches console B, which has no session for this page: Vaadin reloads it, the reload signs in
        // again through the provider's session, and the page opens anew (the click itself is not carried over).
        page.locator("vaadin-side-nav-item").getByText("Services").click();

        // Playwright is not thread-safe: poll on the test's thread. Mid-reload the page has no script context.
        await().pollInSameThread().ignoreExceptions().atMost(Duration.ofSeconds(30))
            .until(() -> Boolean.FALSE.equals(page.evaluate("() => window.servedByConsoleA === true"))
                && page.locator("#overview-grid").isVisible());
        assertThat(route(browser)).isEqualTo("console-b");
        assertThat(page).hasURL(startingWith(ingress.url() + "/"));
        page.locator("vaadin-side-nav-item").getByText("Services").click();
        assertThat(page.locator("#services-grid")).isVisible();
        page.locator("vaadin-side-nav-item").getByText("History").click();
        assertThat(page.locator("#history-grid")).isVisible();
        assertThat(loginForms).as("the login form was shown only once").hasSize(1);
        b.close();
      }
    }
  }

  private static String route(BrowserContext browser) {
    return browser.cookies().stream().filter(c -> c.name.equals(StickyProxy.COOKIE)).map(c -> c.value).findFirst()
        .orElse("");
  }

  private ConfigurableApplicationContext console(ConsoleCluster cluster, String identity) {
    return cluster.console(identity, dir.resolve(identity), List.of("aviary.coordination.identity=" + identity,
        "aviary.coordination.lease.duration=3s", "aviary.coordination.lease.renewal=2s",
        "aviary.coordination.lease.retry=200ms", "logging.level.root=WARN", "logging.level.dev.aviary=WARN",
        "aviary.sandbox.ready-delay=100ms"));
  }

  private static int port(ConfigurableApplicationContext console) {
    return console.getEnvironment().getProperty("local.server.port", Integer.class);
  }
}
