package dev.aviary.console.security;

import dev.aviary.console.access.SignInProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Sign-in through an OpenID Connect provider (Keycloak, Dex, Entra ID, Google...). Required when Aviary manages a
 * real cluster; the sandbox brings its own provider and ignores issuer, client id and secret.
 *
 * @param issuerUri    the provider's issuer; its discovery document is read from
 *                     {@code <issuer>/.well-known/openid-configuration}
 * @param clientId     Aviary's client id at the provider
 * @param clientSecret Aviary's client secret
 * @param scopes       scopes asked for at sign-in; add the one that makes your provider send groups if it needs one
 * @param groupsClaim  the claim holding the person's groups; a dotted path reaches into objects
 *                     ({@code realm_access.roles} for Keycloak realm roles)
 * @param audience     what the API expects in an access token's {@code aud}; empty means the client id
 * @param roles        which groups give which role
 * @param allowPlainHttp accept a plain {@code http://} issuer away from the loopback address: for a trial on a
 *                     private network only (sign-in codes and tokens then cross it in clear); refused otherwise
 */
@ConfigurationProperties("aviary.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
                             @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                             @DefaultValue("groups") String groupsClaim,
                             String audience,
                             @DefaultValue RoleGroups roles,
                             @DefaultValue("false") boolean allowPlainHttp) {

  /** Groups per role; someone in none of them may sign in but sees nothing. */
  public record RoleGroups(@DefaultValue("aviary-viewers") List<String> viewer,
                           @DefaultValue("aviary-operators") List<String> operator,
                           @DefaultValue("aviary-admins") List<String> admin) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(OidcProperties.class);

  /** The provider settings for a real installation, or a start-up failure naming what is missing. */
  SignInProvider provider() {
    List<String> missing = new ArrayList<>();
    if (blank(issuerUri)) {
      missing.add("aviary.oidc.issuer-uri (AVIARY_OIDC_ISSUER_URI)");
    }
    if (blank(clientId)) {
      missing.add("aviary.oidc.client-id (AVIARY_OIDC_CLIENT_ID)");
    }
    if (blank(clientSecret)) {
      missing.add("aviary.oidc.client-secret (AVIARY_OIDC_CLIENT_SECRET)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Aviary manages a real cluster, so people must sign in through your OpenID "
          + "Connect provider, but " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
          + " not set. See the README, \"Sign-in and roles\".");
    }
    if (!issuerUri.startsWith("https://") && !issuerUri.startsWith("http://127.0.0.1")
        && !issuerUri.startsWith("http://localhost")) {
      if (!allowPlainHttp) {
        throw new IllegalStateException("aviary.oidc.issuer-uri must be an https:// URL (plain http only on the "
            + "loopback address, or with aviary.oidc.allow-plain-http=true for a trial on a private network), got "
            + issuerUri);
      }
      LOG.warn("Signing in through {} over plain HTTP (aviary.oidc.allow-plain-http): sign-in codes and tokens "
          + "cross the network in clear; use an https:// issuer for anything but a trial", issuerUri);
    }
    return new SignInProvider(issuerUri, clientId, clientSecret, scopes,
        blank(audience) ? clientId : audience);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
