package dev.aviary.console.security;

import dev.aviary.console.access.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleMappingTest {

  static OidcProperties properties(String groupsClaim) {
    return new OidcProperties("https://id.example.com/realms/ops", "aviary", "secret",
        List.of("openid"), groupsClaim, "", new OidcProperties.RoleGroups(List.of("aviary-viewers", "sre-readonly"),
        List.of("aviary-operators"), List.of("aviary-admins")), false);
  }

  final RoleMapping mapping = new RoleMapping(properties("groups"));

  @Test
  void the_highest_role_any_group_gives_comes_with_the_roles_it_includes() {
    assertThat(mapping.roles(Map.of("groups", List.of("sre-readonly", "aviary-operators"))))
        .containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR);
    assertThat(mapping.roles(Map.of("groups", List.of("aviary-admins"))))
        .containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR, Role.ADMIN);
  }

  @Test
  void someone_in_no_mapped_group_or_without_the_claim_has_no_role() {
    assertThat(mapping.roles(Map.of("groups", List.of("finance")))).isEmpty();
    assertThat(mapping.roles(Map.of("sub", "someone"))).isEmpty();
  }

  @Test
  void groups_may_come_as_one_string_and_from_a_nested_claim() {
    assertThat(mapping.roles(Map.of("groups", "finance aviary-operators"))).contains(Role.OPERATOR);
    RoleMapping keycloak = new RoleMapping(properties("realm_access.roles"));
    assertThat(keycloak.roles(Map.of("realm_access", Map.of("roles", List.of("aviary-viewers")))))
        .containsExactly(Role.VIEWER);
  }

  @Test
  void a_real_installation_without_provider_settings_fails_naming_what_is_missing() {
    OidcProperties none = new OidcProperties(null, "", null, List.of("openid"), "groups", null,
        new OidcProperties.RoleGroups(List.of(), List.of(), List.of()), false);
    assertThatThrownBy(none::provider).hasMessageContaining("aviary.oidc.issuer-uri (AVIARY_OIDC_ISSUER_URI), "
        + "aviary.oidc.client-id (AVIARY_OIDC_CLIENT_ID), aviary.oidc.client-secret (AVIARY_OIDC_CLIENT_SECRET) are not set");
  }

  @Test
  void a_plain_http_issuer_is_refused_outside_the_loopback_address_unless_allowed_by_name() {
    OidcProperties http = plainHttp(false);
    assertThatThrownBy(http::provider).hasMessageContaining("must be an https:// URL")
        .hasMessageContaining("aviary.oidc.allow-plain-http=true");
    assertThat(plainHttp(true).provider().issuerUri()).isEqualTo("http://id.example.com");
  }

  static OidcProperties plainHttp(boolean allowed) {
    return new OidcProperties("http://id.example.com", "aviary", "s", List.of("openid"), "groups", null,
        new OidcProperties.RoleGroups(List.of(), List.of(), List.of()), allowed);
  }

  @Test
  void the_api_audience_defaults_to_the_client_id_and_the_secret_never_shows_in_text() {
    assertThat(properties("groups").provider().audience()).isEqualTo("aviary");
    assertThat(properties("groups").provider().toString()).doesNotContain("secret");
  }
}
