package dev.aviary.console.security;

import dev.aviary.console.access.SignInProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * Aviary's one client registration, read from the provider's discovery document when first needed and kept
 * once read: Aviary starts (and serves its probes) while the provider is briefly away, and sign-in works as soon
 * as it is back.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

  private final SignInProvider provider;
  private volatile ClientRegistration registration;

  ProviderRegistration(SignInProvider provider) {
    this.provider = provider;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!SignInProvider.REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    if (known == null) {
      try {
        known = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
            .registrationId(SignInProvider.REGISTRATION_ID).clientId(provider.clientId())
            .clientSecret(provider.clientSecret()).scope(provider.scopes()).build();
      } catch (RuntimeException e) {
        throw new IllegalStateException("Cannot read the sign-in provider's configuration from "
            + provider.issuerUri() + "/.well-known/openid-configuration: " + e.getMessage(), e);
      }
      registration = known;
    }
    return known;
  }
}
