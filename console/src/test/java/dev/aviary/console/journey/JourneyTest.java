package dev.aviary.console.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aviary.console.SignedIn;
import dev.aviary.console.sandbox.SandboxEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A journey in Chromium against the console serving on a random port. Each concrete class declares its
 * {@code @SpringBootTest} and a data directory of its own, so it gets its own context, sandbox and Git remote.
 */
// Each journey's context is built on its class's temporary directory: closed after that class, not kept running
// against a deleted directory until the JVM ends (its watches logged errors for the rest of the build).
@DirtiesContext
abstract class JourneyTest {

  @LocalServerPort
  int port;
  @Autowired
  SandboxEnvironment sandbox;
  Chromium chromium;

  @BeforeEach
  void launch() {
    chromium = Chromium.launch();
  }

  @AfterEach
  void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** The sandbox console is used at 127.0.0.1 (its provider refuses "localhost" redirect URIs). */
  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A fresh browser context signed in as a demo user through the sandbox provider's login form. */
  Page signIn(String username, int width, int height) {
    Page page = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)).newPage();
    page.navigate(url("/"));
    fillLoginForm(page, username);
    assertThat(page).hasURL(startingWith(url("/")));
    return page;
  }

  /** A URL pattern Playwright can hand to the browser (JavaScript regexes know no \\Q...\\E quoting). */
  static Pattern startingWith(String prefix) {
    return Pattern.compile("^" + prefix.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0") + ".*");
  }

  static void fillLoginForm(Page page, String username) {
    page.locator("#username").fill(username);
    page.locator("#password").fill(SignedIn.demo(username).password());
    page.locator("button[type=submit]").click();
  }

  /** The first grid cell whose whole text is {@code text}. */
  static Locator cell(Page page, String text) {
    return page.locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true))
        .first();
  }
}
