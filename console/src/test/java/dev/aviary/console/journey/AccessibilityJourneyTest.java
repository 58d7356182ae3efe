package dev.aviary.console.journey;

import com.microsoft.playwright.Page;
import dev.aviary.testsupport.InstalledTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in Chromium, light and dark, checked by axe-core against the WCAG 2.1 A and AA rules: no violation of
 * any impact. axe-core comes from npm ({@code .ci/run} installs it; {@code AXE_CORE_JS} names its axe.min.js).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=100ms"})
class AccessibilityJourneyTest extends JourneyTest {

  static final List<String> PAGES = List.of("/", "/services", "/services/document-processing/webapi", "/releases",
      "/history", "/settings", "/audit");
  static final String AXE = """
      async () => {
        const result = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
        return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')
            + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '));
      }""";

  @TempDir
  static Path data;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  static Path axe() {
    String configured = System.getenv("AXE_CORE_JS");
    Path file = Path.of(configured != null ? configured
        : System.getProperty("user.home") + "/.cache/aviary/axe-core/node_modules/axe-core/axe.min.js");
    return InstalledTool.file(file, "axe-core", ".ci/run installs it with npm; or set AXE_CORE_JS");
  }

  @Test
  void every_page_in_light_and_dark_has_no_wcag_2_1_a_or_aa_violation() {
    Path axe = axe();
    Page page = signIn("admin", 1400, 1000);
    List<String> violations = new ArrayList<>();
    for (String theme : List.of("light", "dark")) {
      for (String path : PAGES) {
        page.navigate(url(path));
        page.locator("vaadin-app-layout h2, vaadin-app-layout h1").first().waitFor();
        page.evaluate("dark => dark ? document.documentElement.setAttribute('theme', 'dark')"
            + " : document.documentElement.removeAttribute('theme')", theme.equals("dark"));
        // Live figures, badges and grids settle within a second of the page showing.
        page.waitForTimeout(1000);
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate(AXE);
        found.forEach(v -> violations.add(theme + " " + path + ": " + v));
      }
    }
    assertThat(violations).as(String.join("\n", violations)).isEmpty();
  }
}
