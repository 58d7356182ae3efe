package dev.aviary.console;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every page of a console that has only the rights {@code k8s/} gives its service account, on a real API server
 * that enforces them: each shows what it is for, and none shows a refusal by the cluster.
 */
class RealClusterPagesTest {

  private static RealCluster cluster;
  private static ConfigurableApplicationContext console;

  @BeforeAll
  static void install() throws IOException {
    cluster = RealCluster.start("real-pages");
    console = cluster.console("console-a");
  }

  @AfterAll
  static void uninstall() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void signIn() {
    SignedIn.as(SignedIn.demo("admin"));
    MockVaadin.setup(UI::new, new MockSpringServlet(KaribuBase.routes(), console, UI::new));
  }

  @AfterEach
  void signOut() {
    MockVaadin.tearDown();
    SignedIn.out();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'', Overview",
      "services, Services",
      "services/document-processing/webapi, webapi",
      "releases, Releases",
      "history, History",
      "settings, Settings",
      "audit, Audit"})
  void every_page_shows_its_content_and_no_refusal_by_the_cluster(String route, String content) {
    UI.getCurrent().navigate(route);

    await("the " + (route.isEmpty() ? "overview" : route) + " page showing " + content)
        .atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
          MockVaadin.runUIQueue();
          assertThat(text()).contains(content);
        });
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).pollInSameThread().untilAsserted(() -> {
      MockVaadin.runUIQueue();
      assertThat(text()).doesNotContainIgnoringCase("forbidden").doesNotContain("cannot list", "cannot read",
          "cannot watch");
    });
  }

  /** Every component of the page with its text, as Karibu prints the tree. */
  private static String text() {
    return PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
  }
}
