package dev.aviary.testsupport.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An access token from an OpenID provider's token endpoint through the client-credentials grant, as a script gets one. */
public final class ClientCredentials {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ClientCredentials() {
  }

  /** @param issuer the provider's issuer; its token endpoint is {@code <issuer>/oauth2/token} */
  public static String token(String issuer, String client, String secret) {
    String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token request for " + client + " failed: " + response.statusCode() + " "
            + response.headers().map() + response.body());
      }
      return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
