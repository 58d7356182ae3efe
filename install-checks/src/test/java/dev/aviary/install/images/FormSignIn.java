package dev.aviary.install.images;

import dev.aviary.sandbox.signin.DemoUser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signing in to a console on its sandbox over plain HTTP, as a browser does it: the console sends them to the
 * sandbox's provider, its login form is filled in, and the provider sends them back with a code the console exchanges
 * from inside its container. Cookies are kept, redirects followed.
 */
final class FormSignIn {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

  /** Opens the console and follows it to the sign-in page; that page's response. */
  HttpResponse<String> open(URI console) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(console).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Fills in the sign-in page's form as {@code user}; the page the provider's redirects end on. */
  HttpResponse<String> signIn(HttpResponse<String> signInPage, DemoUser user)
      throws IOException, InterruptedException {
    Matcher csrf = CSRF.matcher(signInPage.body());
    if (!csrf.find()) {
      throw new AssertionError("No CSRF token in the sign-in page at " + signInPage.uri() + ":\n" + signInPage.body());
    }
    String form = "username=" + encode(user.username()) + "&password=" + encode(user.password()) + "&_csrf="
        + encode(csrf.group(1));
    return browser.send(HttpRequest.newBuilder(signInPage.uri()).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
