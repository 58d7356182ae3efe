package dev.aviary.console.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.aviary.console.Kubectl;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An operator's first visit, in a real browser against the console running on its sandbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Figures read while the sandbox's pods were still starting say "failing"; re-read them soon after.
    properties = {"aviary.sandbox.ready-delay=300ms", "aviary.prometheus.refresh=1s"})
class ConsoleJourneyTest extends JourneyTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir
  static Path data;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void an_operator_opens_the_console_sees_the_services_and_watches_a_scale_happen_without_reload() throws Exception {
    Page page = signIn("operator", 1400, 760);
    page.navigate(url("/services"));

    assertThat(page.locator("#cluster-badge")).hasText("Sandbox · simulated cluster");
    assertThat(page.locator("#connection-badge")).hasText("● live");
    assertThat(cell(page, "webapi-v1")).isVisible();
    assertThat(cell(page, "document-processor-v1")).isVisible();
    assertThat(cell(page, "3/3")).isVisible();
    Files.createDirectories(SCREENSHOTS);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("services.png")));

    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      Kubectl.edit(() -> operator.apps().deployments().withName("webapi-v1").scale(5));
      assertThat(cell(page, "5/5")).isVisible();
      Kubectl.edit(() -> operator.apps().deployments().withName("webapi-v1").scale(3));
      assertThat(cell(page, "3/3")).isVisible();
    }
  }

  @Test
  void the_on_call_overview_follows_a_scale_without_reload_and_opens_a_service_with_its_charts() throws Exception {
    Page page = signIn("operator", 1500, 800);
    assertThat(page.locator("#tile-services")).containsText("4");
    Locator webapiRow = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
        .setHasText("v1 3/3 100%"));
    assertThat(webapiRow).isVisible();
    assertThat(page.locator("#metrics-notice")).containsText("simulated by the sandbox's traffic model");
    assertThat(page.locator(".aviary-health[data-status='HEALTHY']").first()).isVisible();

    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      Kubectl.edit(() -> operator.apps().deployments().withName("webapi-v1").scale(5));
      assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
          .setHasText("v1 5/5 100%"))).isVisible();
      Files.createDirectories(SCREENSHOTS);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("overview.png")));
      Kubectl.edit(() -> operator.apps().deployments().withName("webapi-v1").scale(3));
      assertThat(webapiRow).isVisible();
    }

    page.locator("vaadin-grid-cell-content a").getByText("webapi", new Locator.GetByTextOptions().setExact(true))
        .click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/services/document-processing/webapi$"));
    assertThat(page.locator("#detail-health")).hasText("Healthy");
    assertThat(page.locator("#chart-request-rate canvas").first()).isVisible();
    assertThat(page.locator("#chart-request-rate .u-legend")).containsText("v1");
    assertThat(page.locator("#detail-pods")).isVisible();
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("service-detail.png"))
        .setFullPage(true));
  }

  @Test
  void at_1440_by_900_the_overview_shows_every_row_of_five_services_without_scrolling_inside_the_grid() {
    Page page = signIn("viewer", 1440, 900);
    List<String> failed = new CopyOnWriteArrayList<>();
    page.onResponse(response -> {
      if (response.status() >= 400) {
        failed.add(response.status() + " " + response.url());
      }
    });
    page.reload();
    for (String icon : List.of("/favicon.ico", "/" + page.locator("link[rel=icon]").getAttribute("href"))) {
      assertThat(page.request().get(url(icon)).status()).as(icon).isEqualTo(200);
    }
    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      operator.apps().deployments().resource(new DeploymentBuilder().withNewMetadata().withName("billing-v1")
          .addToLabels("app", "billing").addToLabels("version", "v1").endMetadata().withNewSpec().withReplicas(1)
          .withNewSelector().addToMatchLabels("app", "billing").addToMatchLabels("version", "v1").endSelector()
          .withNewTemplate().withNewMetadata().addToLabels("app", "billing").addToLabels("version", "v1")
          .endMetadata().withNewSpec().addNewContainer().withName("billing").withImage("billing:1.0.0")
          .endContainer().endSpec().endTemplate().endSpec().build()).create();
      try {
        assertThat(page.locator("#tile-services")).containsText("5");
        for (String service : List.of("webapi", "document-processor", "postgresql", "redis", "billing")) {
          assertThat(page.locator("vaadin-grid-cell-content a").getByText(service,
              new Locator.GetByTextOptions().setExact(true))).isVisible();
        }
        Object scroller = page.locator("#overview-grid").evaluate("grid => { const t = grid.$.table; "
            + "return t.scrollHeight - t.clientHeight; }");
        assertThat(((Number) scroller).intValue()).as("the grid's own scroll range").isLessThanOrEqualTo(1);
        assertThat(page.locator("#overview-filter")).not().isVisible();
        assertThat(failed).as("resources the browser could not load").isEmpty();
      } finally {
        operator.apps().deployments().withName("billing-v1").delete();
      }
    }
  }

  @Test
  void a_volume_claim_that_cannot_be_provisioned_turns_its_service_degraded_on_the_open_overview_within_a_second() {
    Page page = signIn("operator", 1500, 800);
    Locator redis = page.locator("vaadin-grid-cell-content a").getByText("redis",
        new Locator.GetByTextOptions().setExact(true));
    assertThat(redis).isVisible();
    Locator claimHealth = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
        .setHasText("volume claim redis-backup pending"));

    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      PersistentVolumeClaim claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("redis-backup")
          .addToLabels("app", "redis").endMetadata().withNewSpec().withStorageClassName("fast")
          .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("2Gi"))
          .endResources().endSpec().build();
      long created = System.nanoTime();
      operator.persistentVolumeClaims().resource(claim).create();
      try {
        assertThat(claimHealth.locator(".aviary-health[data-status='DEGRADED']"))
            .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(1000));
        System.out.printf("claim created -> Degraded on the open overview: %d ms%n",
            Duration.ofNanos(System.nanoTime() - created).toMillis());
        assertThat(claimHealth).containsText("ProvisioningFailed: storageclass.storage.k8s.io \"fast\" not found");
      } finally {
        operator.persistentVolumeClaims().withName("redis-backup").delete();
      }
      assertThat(claimHealth).hasCount(0);
    }
  }

  @Test
  void the_dark_theme_choice_is_remembered_across_reloads() {
    Page page = signIn("viewer", 1280, 720);
    page.navigate(url("/services"));
    assertThat(page.locator("html")).not().hasAttribute("theme", "dark");

    page.locator("#theme-toggle").click();
    assertThat(page.locator("html")).hasAttribute("theme", "dark");

    page.reload();
    assertThat(page.locator("html")).hasAttribute("theme", "dark");
    assertThat(cell(page, "webapi-v1")).isVisible();
  }

}
