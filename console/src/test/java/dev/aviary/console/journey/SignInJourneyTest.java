package dev.aviary.console.journey;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.aviary.console.SandboxTokens;
import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in through the sandbox's OpenID Connect provider, roles in the browser, sign-out, headers and CSRF. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aviary.sandbox.ready-delay=300ms"})
class SignInJourneyTest extends JourneyTest {

  @TempDir
  static Path data;
  @Autowired
  SandboxIdentityProvider provider;
  @Autowired
  AuditLog audit;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void an_anonymous_visit_is_sent_to_the_providers_login_page() throws Exception {
    Page page = chromium.browser.newPage();
    page.navigate(url("/services"));

    assertThat(page).hasURL(provider.issuer() + "/login");
    assertThat(page.locator("#username")).isVisible();
    Files.createDirectories(ConsoleJourneyTest.SCREENSHOTS);
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyTest.SCREENSHOTS.resolve("sign-in.png")));
  }

  @Test
  void a_viewer_sees_the_controls_disabled_and_a_direct_api_call_is_refused_and_audited() throws Exception {
    Page page = signIn("viewer", 1400, 900);
    page.navigate(url("/services"));

    assertThat(page.locator("#signed-in-user")).hasText("Vera Viewer · Viewer");
    assertThat(page.locator("#scale-webapi-v1")).isDisabled();
    assertThat(page.locator("#main-nav")).not().containsText("Audit");
    page.navigate(url("/audit"));
    assertThat(page.locator("#no-access-who"))
        .hasText("You are signed in as Vera Viewer <viewer@sandbox.aviary.invalid>, with the Viewer role.");
    assertThat(page.locator("#role-groups")).containsText("Admin: aviary-admins");

    HttpResponse<String> scale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(url("/api/v1/services/webapi/versions/v1/scale")))
        .header("Authorization", "Bearer " + SandboxTokens.of(provider, "viewer"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"replicas\": 9}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(scale.statusCode()).isEqualTo(403);
    assertThat(scale.body()).contains("may not scale: that needs the Operator role");
    assertThat(audit.recent()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("Vera Viewer <viewer@sandbox.aviary.invalid>");
      assertThat(e.action()).isEqualTo("scale");
      assertThat(e.target()).isEqualTo("service=webapi version=v1 replicas=9");
      assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
    });
  }

  @Test
  void someone_in_no_aviary_group_is_told_who_they_are_and_which_groups_give_access() throws Exception {
    Page page = signIn("guest", 1280, 720);

    assertThat(page.locator("#no-access-who"))
        .hasText("You are signed in as Gus Guest <guest@sandbox.aviary.invalid>, with no Aviary role.");
    assertThat(page.locator("#no-access-groups")).hasText("Your groups (claim \"groups\"): sandbox-guests.");
    assertThat(page.locator("#role-groups")).containsText("Operator: aviary-operators");
    assertThat(page.locator("#main-nav")).hasCount(0);
    Files.createDirectories(ConsoleJourneyTest.SCREENSHOTS);
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleJourneyTest.SCREENSHOTS.resolve("no-access.png")));

    page.locator("#no-access-sign-out").click();
    assertThat(page).hasURL(startingWith(provider.issuer() + "/login"));
  }

  @Test
  void pages_carry_the_security_headers_and_a_request_without_the_csrf_token_fails() {
    Page page = signIn("operator", 1280, 720);
    Response[] document = new Response[1];
    // The client asks for its UI with "v-r=init"; an earlier UI of the session may be gone already (closed when its
    // page was left), so the forged request below names this one. Only the History page's init counts: the signed-in
    // page's own may still be under way, and its body is gone once that page is left.
    Response init = page.waitForResponse(r -> r.url().contains("v-r=init") && r.url().contains("location=history"),
        () -> document[0] = page.navigate(url("/history")));
    Response response = document[0];
    // Read at once: Chromium may drop a response's body once later requests and navigations go on.
    String initBody = init.text();

    Map<String, String> headers = response.allHeaders();
    assertThat(headers.get("content-security-policy")).as(headers.toString())
        .contains("frame-ancestors 'none'").contains("object-src 'none'");
    assertThat(headers).containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY")
        .containsEntry("referrer-policy", "same-origin");

    Object logout = page.evaluate("() => fetch('/logout', {method: 'POST'}).then(r => r.status)");
    assertThat(logout).isEqualTo(403);
    Matcher uiId = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)").matcher(initBody);
    assertThat(uiId.find()).as(initBody).isTrue();
    Object uidl = page.evaluate("() => fetch('/?v-r=uidl&v-uiId=" + uiId.group(1) + "', {method: 'POST', "
        + "headers: {'Content-Type': 'application/json'}, body: JSON.stringify({csrfToken: 'forged', rpc: [], syncId: 0, clientId: 0})})"
        + ".then(r => r.text())");
    // Vaadin's answer to a wrong security key: an error for the client and no sync id; the request is not run.
    assertThat(String.valueOf(uidl)).contains("\"appError\"").contains("\"syncId\":-1");
    page.navigate(url("/history"));
    assertThat(page.locator("#signed-in-user")).containsText("Otto Operator");
  }

  @Test
  void signing_out_ends_the_console_session_and_the_providers() {
    Page page = signIn("admin", 1280, 720);
    page.navigate(url("/audit"));
    assertThat(page.locator("#audit-grid")).containsText("sign-in");

    page.locator("#sign-out").click();

    assertThat(page).hasURL(startingWith(provider.issuer() + "/login"));
    page.navigate(url("/services"));
    assertThat(page).hasURL(startingWith(provider.issuer() + "/login"));
    assertThat(page.locator("#username")).isVisible();
    assertThat(audit.recent()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("Ada Admin <admin@sandbox.aviary.invalid>");
      assertThat(e.action()).isEqualTo("sign-out");
    });
  }
}
