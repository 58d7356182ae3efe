package dev.aviary.console.journey;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.aviary.testsupport.git.GitCli;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the cluster or Git says is shown as text: a label, an event message and a commit subject carrying
 * markup and a javascript: link render inertly in the browser, and none of the planted scripts runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=300ms", "aviary.git.poll-interval=500ms"})
class InertTextJourneyTest extends JourneyTest {

  static final String IMG = "<img src=x onerror=\"window.__xss='img'\">";
  static final String LINK = "<a id=\"planted\" href=\"javascript:window.__xss='link'\">open</a>";

  @TempDir
  static Path data;
  @TempDir
  Path clone;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void markup_from_the_cluster_and_from_git_is_shown_as_text_and_never_runs() throws Exception {
    try (KubernetesClient operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build()) {
      // Labels refuse markup (as on a real API server); an image reference is free text, so it is planted there.
      operator.apps().deployments().resource(new DeploymentBuilder().withNewMetadata().withName("inert-v1")
          .withLabels(Map.of("app", "inert", "version", "v1")).endMetadata().withNewSpec().withReplicas(1)
          .withNewSelector().withMatchLabels(Map.of("app", "inert")).endSelector().withNewTemplate().withNewMetadata()
          .withLabels(Map.of("app", "inert")).endMetadata().withNewSpec().addNewContainer().withName("app")
          .withImage("platform-app:" + IMG).endContainer().endSpec().endTemplate().endSpec()
          .build()).create();
      operator.v1().events().resource(new EventBuilder().withNewMetadata().withName("inert-event").endMetadata()
          .withNewInvolvedObject().withKind("Deployment").withName("webapi-v1").withNamespace("document-processing")
          .endInvolvedObject().withType("Warning").withReason("Planted").withMessage(IMG + " " + LINK)
          .withLastTimestamp(Instant.now().toString()).build()).create();
    }
    pushCommitWithSubject("webapi: " + IMG + " " + LINK);

    Page page = signIn("viewer", 1280, 720);
    assertThat(cell(page, "inert")).isVisible();
    assertThat(containing(page, "vaadin-grid-cell-content", "webapi: " + IMG + " " + LINK)).isAttached();

    page.navigate(url("/services"));
    assertThat(containing(page, "#services-grid vaadin-grid-cell-content", "platform-app:" + IMG)).isAttached();

    page.navigate(url("/services/document-processing/webapi"));
    assertThat(containing(page, "#detail-events vaadin-grid-cell-content", IMG + " " + LINK)).isAttached();
    page.navigate(url("/history"));
    assertThat(containing(page, "#history-grid vaadin-grid-cell-content", "webapi: " + IMG + " " + LINK))
        .isAttached();

    assertThat(page.locator("img[src=x]")).hasCount(0);
    assertThat(page.locator("#planted")).hasCount(0);
    assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
  }

  /** Someone pushes to the remote directly, with markup in the commit's subject. */
  private void pushCommitWithSubject(String subject) throws Exception {
    Path remote = Path.of(URI.create(sandbox.gitUrl()));
    GitCli.run(clone, "clone", "-q", remote.toString(), ".");
    Files.writeString(clone.resolve("NOTES.md"), "planted\n");
    GitCli.run(clone, "add", "NOTES.md");
    GitCli.run(clone, "-c", "user.name=Mallory", "-c", "user.email=mallory@example.com", "commit", "-q", "-m",
        subject);
    GitCli.run(clone, "push", "-q", "origin", "HEAD:main");
  }

  /** The first element matching {@code selector} whose text (whitespace collapsed) contains {@code text}. */
  private static Locator containing(Page page, String selector, String text) {
    return page.locator(selector).filter(new Locator.FilterOptions().setHasText(text)).first();
  }

}
