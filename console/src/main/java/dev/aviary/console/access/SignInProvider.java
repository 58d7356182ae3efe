package dev.aviary.console.access;

import java.util.List;

/**
 * The OpenID Connect provider people sign in with: from the {@code aviary.oidc} settings on a real installation, or the
 * sandbox's embedded provider.
 *
 * @param audience what the API expects in access tokens' {@code aud}
 */
public record SignInProvider(String issuerUri, String clientId, String clientSecret, List<String> scopes,
                             String audience) {

  /** The registration id: the last part of the redirect URI, {@code /login/oauth2/code/aviary}. */
  public static final String REGISTRATION_ID = "aviary";

  @Override
  public String toString() {
    // Never the secret: this record may end up in a log line.
    return "SignInProvider[issuer=" + issuerUri + ", clientId=" + clientId + ", audience=" + audience + "]";
  }
}
