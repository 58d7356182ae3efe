package dev.aviary.sandbox.signin;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's clients: the console (registered once its port is known, since OAuth 2.1 wants exact redirect
 * URIs), a script client per demo user, and "another application" of the same provider whose tokens are not meant
 * for Aviary.
 */
final class Clients implements RegisteredClientRepository {

  static final String OTHER_APP = "sandbox-other-app";
  static final String OTHER_APP_SECRET = "other-app-sandbox";

  private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

  Clients() {
    for (DemoUser user : DemoUser.ALL) {
      add(machine(user.scriptClientId(), user.password()));
    }
    add(machine(OTHER_APP, OTHER_APP_SECRET));
  }

  void registerConsole(String clientId, String secret, String baseUrl, String registrationId) {
    add(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(baseUrl + "/login/oauth2/code/" + registrationId)
        .postLogoutRedirectUri(baseUrl + "/")
        .postLogoutRedirectUri(baseUrl)
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
        .build());
  }

  private static RegisteredClient machine(String clientId, String secret) {
    return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret("{noop}" + secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).build())
        .build();
  }

  private void add(RegisteredClient client) {
    byClientId.put(client.getClientId(), client);
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    add(registeredClient);
  }

  @Override
  public RegisteredClient findById(String id) {
    return byClientId.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId);
  }
}
