package dev.aviary.console.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.aviary.testsupport.git.GitCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases in a real browser, signed in through the sandbox's provider: the admin starts a faulty image and watches
 * it rolled back by itself with the figures that condemned it; then takes the wheel of a running release with the
 * weight slider, which pauses it in a commit of their own. A blue-green release is judged on its preview, switched,
 * and switched back by the admin while the previous version is still warm.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=200ms", "aviary.releases.tick=200ms",
        "aviary.releases.plan.step-duration=3s", "aviary.releases.plan.min-requests=1",
        "aviary.releases.services.document-processor.step-duration=10m",
        "aviary.releases.services.webapi.warm-window=10m"})
class ReleaseJourneyTest extends JourneyTest {

  static final LocatorAssertions.HasTextOptions RELEASE_TIME = new LocatorAssertions.HasTextOptions()
      .setTimeout(30_000);

  @TempDir
  static Path data;

  @DynamicPropertySource
  static void ownDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void an_admin_starts_a_faulty_release_sees_it_rolled_back_then_takes_over_another_with_the_slider()
      throws Exception {
    Page page = signIn("admin", 1440, 900);
    page.navigate(url("/releases"));

    start(page, "webapi", "1.4.0-faulty");
    open(page, "ghcr.io/aviary-dev/platform-app:1.4.0-faulty");
    assertThat(page.locator("#release-phase")).hasText("Rolled back", RELEASE_TIME);
    assertThat(page.locator("#release-message")).containsText("failed analysis at 5%: error ratio");
    assertThat(page.locator("#release-analyses")).containsText("✗ error ratio");
    Files.createDirectories(ConsoleJourneyTest.SCREENSHOTS);
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyTest.SCREENSHOTS.resolve("releases.png"))
        .setFullPage(true));
    assertThat(git("log", "-1", "--format=%an|%s", "--", "base/webapi")).startsWith("Aviary|webapi: rollback: ");
    Object overflow = page.locator("#releases-grid").evaluate("grid => grid.$.table.scrollWidth "
        + "- grid.$.table.clientWidth");
    assertThat(((Number) overflow).intValue()).as("the Releases grid runs off its right edge by").isLessThanOrEqualTo(1);
    Locator why = page.locator("#releases-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
        .setHasText("failed analysis at 5%: error ratio")).first();
    assertThat(why).containsText("shown broken");
    Object cut = why.evaluate("cell => cell.scrollWidth - cell.clientWidth");
    assertThat(((Number) cut).intValue()).as("the reason is cut by").isLessThanOrEqualTo(1);

    start(page, "document-processor", "2.0.0");
    open(page, "ghcr.io/aviary-dev/platform-app:2.0.0");
    assertThat(page.locator("#release-phase")).hasText("Progressing", RELEASE_TIME);
    Locator slider = page.locator("#release-weight");
    assertThat(slider).not().hasAttribute("disabled", "");
    assertThat(page.locator("#release-message")).containsText("running 5%",
        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    slider.locator("input").press("ArrowRight");

    assertThat(page.locator("#release-message"))
        .hasText("Ada Admin <admin@sandbox.aviary.invalid> moved the canary to 6%", RELEASE_TIME);
    assertThat(page.locator("#release-phase")).hasText("Paused");
    assertThat(git("log", "-1", "--format=%an <%ae>|%s")).endsWith(": operator moves it to 6%")
        .startsWith("Ada Admin <admin@sandbox.aviary.invalid>|document-processor: release ");
  }

  @Test
  void an_admin_starts_a_blue_green_release_sees_it_switch_after_its_preview_and_switches_back() {
    Page page = signIn("admin", 1400, 1000);
    page.navigate(url("/releases"));

    page.locator("#start-release").click();
    chooseService(page, "webapi");
    page.locator("#start-release-strategy").getByText("Blue-green").click();
    assertThat(page.locator("#start-release-plan")).containsText("Plan: preview → 100%");
    page.locator("#start-release-tag input").fill("1.5.0");
    page.locator("#start-release-confirm").click();
    assertThat(page.locator("#start-release-dialog")).not().isVisible();
    open(page, "ghcr.io/aviary-dev/platform-app:1.5.0");

    // The sequential judge decides once the preview's testers (10% of webapi's rate) have shown every limit holds.
    assertThat(page.locator("#release-phase")).hasText("Previous version warm",
        new LocatorAssertions.HasTextOptions().setTimeout(90_000));
    assertThat(page.locator("#release-plan")).hasText("Blue-green: preview → 100%, step 2 of 2 (100%)");
    assertThat(page.locator("#release-analyses")).containsText("preview");
    assertThat(page.locator("#release-events")).containsText("switched: all traffic to ");
    assertThat(page.locator("#release-abort")).hasText("Switch back");
    page.locator("#release-abort").click();

    assertThat(page.locator("#release-phase")).hasText("Rolled back", RELEASE_TIME);
    assertThat(git("log", "-2", "--format=%an|%s", "--", "istio/webapi")).startsWith("Ada Admin|webapi: rollback: "
        + "aborted by Ada Admin");
  }

  /**
   * Selects the release of {@code image} and waits for its detail. A click that lands while the grid is refreshed
   * with a newer status can be lost in the browser (its row key was just replaced), as an operator would find;
   * like them, this clicks again, at most three times.
   */
  private static void open(Page page, String image) {
    Locator detail = page.locator("#release-detail h3", new Page.LocatorOptions().setHasText(image));
    for (int attempt = 1; ; attempt++) {
      cell(page, image).click();
      try {
        detail.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(3_000));
        return;
      } catch (PlaywrightException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private void chooseService(Page page, String service) {
    page.locator("#start-release-service input").click();
    page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(service).setExact(true)).click();
  }

  private void start(Page page, String service, String tag) {
    page.locator("#start-release").click();
    chooseService(page, service);
    assertThat(page.locator("#start-release-plan")).containsText("Plan: 5% → 10% → 25% → 50% → 100%");
    page.locator("#start-release-tag input").fill(tag);
    page.locator("#start-release-confirm").click();
    assertThat(page.locator("#start-release-dialog")).not().isVisible();
  }

  private String git(String... args) {
    return GitCli.run(Path.of(URI.create(sandbox.gitUrl())), args);
  }
}
