package dev.aviary.console;

import dev.aviary.sandbox.signin.SandboxIdentityProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Access tokens from the sandbox's provider through the client-credentials grant, as a script would get them. */
public final class SandboxTokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SandboxTokens() {
  }

  /** A token for a demo user's script client ({@code <user>-script}, the user's password as secret). */
  public static String of(SandboxIdentityProvider provider, String username) {
    String password = SignedIn.demo(username).password();
    return clientCredentials(provider, username + "-script", password);
  }

  public static String clientCredentials(SandboxIdentityProvider provider, String client, String secret) {
    String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token request for " + client + " failed: " + response.statusCode() + " " + response.headers().map()
            + response.body());
      }
      return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
