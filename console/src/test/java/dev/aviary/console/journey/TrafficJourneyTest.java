package dev.aviary.console.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.access.Identity;
import dev.aviary.console.release.AddCanaryVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving canary traffic in a real browser, signed in through the sandbox's provider: the slider's change is a commit
 * authored by the signed-in operator (name and e-mail from their token), then live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=200ms"})
class TrafficJourneyTest extends JourneyTest {

  @TempDir
  static Path data;
  @Autowired
  ChangePipeline pipeline;

  @DynamicPropertySource
  static void ownDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void nudging_the_traffic_slider_commits_new_weights_shown_as_desired_and_live() throws Exception {
    pipeline.submit(new Change(new AddCanaryVersion(), new Identity("Release Bot", "bot@example.com"), ""));
    Page page = signIn("operator", 1400, 900);
    page.navigate(url("/services"));

    Locator slider = page.locator("#traffic-slider-webapi");
    assertThat(slider).isVisible();
    assertThat(page.locator("#traffic-desired-webapi")).hasText("v1 100%");
    assertThat(slider).not().hasAttribute("disabled", "");

    // The keyboard moves the slider as a drag would, and a move is committed when it ends: one change here.
    slider.locator("input").press("ArrowRight");

    assertThat(page.locator("#traffic-desired-webapi")).hasText("v1 99%, v2 1%");
    assertThat(page.locator("#traffic-live-webapi")).hasText("v1 99%, v2 1%");
    Files.createDirectories(ConsoleJourneyTest.SCREENSHOTS);
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyTest.SCREENSHOTS.resolve("traffic.png")));
    assertThat(GitCli.run(Path.of(URI.create(sandbox.gitUrl())), "log", "-1", "--format=%an <%ae>|%s"))
        .isEqualTo("Otto Operator <operator@sandbox.aviary.invalid>|webapi: route v1 99%, v2 1%");
  }
}
