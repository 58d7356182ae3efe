package dev.aviary.console.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aviary.console.sandbox.SandboxEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey in Chromium against the console serving on a random port. Each concrete class declares its
 * {@code @SpringBootTest} and a data directory of its own, so it gets its own context, sandbox and Git remote.
 */
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

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The first grid cell whose whole text is {@code text}. */
  static Locator cell(Page page, String text) {
    return page.locator("vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true))
        .first();
  }
}
